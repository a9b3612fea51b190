package org.leadrelay.partner.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.BusinessProfile;
import org.leadrelay.partner.BusinessProfiles;
import org.leadrelay.partner.Catalogue;
import org.leadrelay.partner.LocationId;
import org.leadrelay.partner.Logo;
import org.leadrelay.partner.Organizations;
import org.leadrelay.partner.ProfileDetails;
import org.leadrelay.partner.ProfileId;
import org.leadrelay.partner.Region;
import org.leadrelay.platform.web.FormErrors;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.CompanySize;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.ErrorCode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where a partner's Business profile admins and Referrals admins keep its business
 * profiles: one per region, with details, logo and locations, each saved by a form of its
 * own. Refused input comes back with what was typed and the reason at its field.
 */
@Controller
class ProfileController {

	private final BusinessProfiles profiles;

	private final Catalogue catalogue;

	private final Organizations organizations;

	ProfileController(BusinessProfiles profiles, Catalogue catalogue, Organizations organizations) {
		this.profiles = profiles;
		this.catalogue = catalogue;
		this.organizations = organizations;
	}

	@GetMapping("/profile")
	String profiles(Caller caller, Model model) {
		List<BusinessProfile> existing = this.profiles.list(caller);
		model.addAttribute("profiles", existing);
		model.addAttribute("missingRegions",
				Arrays.stream(Region.values())
					.filter(region -> existing.stream().noneMatch(profile -> profile.region() == region))
					.toList());
		return "profile/list";
	}

	@PostMapping("/profile")
	String create(Caller caller, @RequestParam Region region, RedirectAttributes redirect) {
		BusinessProfile created = this.profiles.create(caller, region,
				ProfileDetails.named(this.organizations.nameOf(caller.organizationId())));
		redirect.addFlashAttribute("done", "profile.done.created");
		return "redirect:/profile/" + created.id();
	}

	@GetMapping("/profile/{id}")
	String edit(Caller caller, @PathVariable String id, Model model) {
		BusinessProfile profile = profile(caller, id);
		model.addAttribute("form", ProfileForm.of(profile));
		model.addAttribute("locationForm", LocationForm.EMPTY);
		return page(caller, profile, model);
	}

	@PostMapping("/profile/{id}")
	String save(Caller caller, @PathVariable String id, @Valid @ModelAttribute("form") ProfileForm form,
			BindingResult binding, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		BusinessProfile profile = profile(caller, id);
		if (!binding.hasErrors()) {
			try {
				this.profiles.update(caller, profile.id(), form.changes(), form.version());
				redirect.addFlashAttribute("done", "profile.done.saved");
				return "redirect:/profile/" + profile.id();
			}
			catch (DomainException ex) {
				if (ex.code() == ErrorCode.PRECONDITION_FAILED || ex.code() == ErrorCode.RESOURCE_MODIFIED) {
					// show the profile as it is now, and say why nothing was saved
					response.setStatus(HttpStatus.CONFLICT.value());
					model.addAttribute("changedMeanwhile", true);
					model.addAttribute("form", ProfileForm.of(profile));
					model.addAttribute("locationForm", LocationForm.EMPTY);
					return page(caller, profile, model);
				}
				rejectOrThrow(binding, ex, ProfileForm::field);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("locationForm", LocationForm.EMPTY);
		return page(caller, profile, model);
	}

	@PostMapping("/profile/{id}/logo")
	String uploadLogo(Caller caller, @PathVariable String id, @RequestParam("logo") MultipartFile file, Model model,
			RedirectAttributes redirect, HttpServletResponse response) throws IOException {
		BusinessProfile profile = profile(caller, id);
		try {
			this.profiles.setLogo(caller, profile.id(), Logo.read(file.getBytes()));
			redirect.addFlashAttribute("done", "profile.done.logo");
			return "redirect:/profile/" + profile.id();
		}
		catch (Logo.Rejected ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("logoRejected", ex.reason());
			model.addAttribute("form", ProfileForm.of(profile));
			model.addAttribute("locationForm", LocationForm.EMPTY);
			return page(caller, profile, model);
		}
	}

	@PostMapping("/profile/{id}/locations")
	String addLocation(Caller caller, @PathVariable String id, @Valid @ModelAttribute("locationForm") LocationForm form,
			BindingResult binding, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		BusinessProfile profile = profile(caller, id);
		if (!binding.hasErrors()) {
			try {
				this.profiles.addLocation(caller, profile.id(), form.details());
				redirect.addFlashAttribute("done", "profile.done.locationAdded");
				return "redirect:/profile/" + profile.id() + "#locations";
			}
			catch (DomainException ex) {
				if (ex.code() == ErrorCode.CONFLICT) {
					binding.reject("profile.locations.full", new Object[] { BusinessProfiles.MAX_LOCATIONS_PER_REGION },
							ex.getMessage());
				}
				else {
					rejectOrThrow(binding, ex, LocationForm::field);
				}
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("form", ProfileForm.of(profile));
		return page(caller, profile, model);
	}

	@PostMapping("/profile/{id}/locations/{locationId}/remove")
	String removeLocation(Caller caller, @PathVariable String id, @PathVariable UUID locationId,
			RedirectAttributes redirect) {
		BusinessProfile profile = profile(caller, id);
		this.profiles.removeLocation(caller, profile.id(), new LocationId(locationId));
		redirect.addFlashAttribute("done", "profile.done.locationRemoved");
		return "redirect:/profile/" + profile.id() + "#locations";
	}

	private String page(Caller caller, BusinessProfile profile, Model model) {
		model.addAttribute("profile", profile);
		model.addAttribute("catalogue", this.catalogue.of(caller));
		model.addAttribute("sizes", CompanySize.current());
		model.addAttribute("countries", profile.region().countries());
		model.addAttribute("maxLocations", BusinessProfiles.MAX_LOCATIONS_PER_REGION);
		model.addAttribute("maxLogoWidth", Logo.MAX_WIDTH);
		model.addAttribute("maxDescription", ProfileDetails.MAX_DESCRIPTION);
		return "profile/edit";
	}

	/** The caller's own profile; any other id is a plain Not found. */
	private BusinessProfile profile(Caller caller, String id) {
		DomainException notFound = DomainException.notFound("No business profile " + id);
		ProfileId profileId;
		try {
			profileId = new ProfileId(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			throw notFound;
		}
		BusinessProfile profile = this.profiles.get(caller, profileId);
		if (!profile.organizationId().equals(caller.organizationId())) {
			throw notFound;
		}
		return profile;
	}

	private static void rejectOrThrow(BindingResult binding, DomainException ex,
			Function<String, @Nullable String> fieldOf) {
		if (ex.code() != ErrorCode.INVALID_REQUEST) {
			throw ex;
		}
		FormErrors.reject(binding, ex, fieldOf);
	}

}
