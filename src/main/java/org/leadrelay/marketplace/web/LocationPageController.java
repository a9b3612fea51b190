package org.leadrelay.marketplace.web;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.leadrelay.marketplace.Inquiries;
import org.leadrelay.marketplace.InquiryRateLimited;
import org.leadrelay.marketplace.MarketplacePaths;
import org.leadrelay.marketplace.NewInquiry;
import org.leadrelay.partner.BusinessProfile;
import org.leadrelay.partner.BusinessProfiles;
import org.leadrelay.partner.Location;
import org.leadrelay.partner.LocationId;
import org.leadrelay.partner.Logo;
import org.leadrelay.partner.ProfileId;
import org.leadrelay.platform.web.FormErrors;
import org.leadrelay.shared.CompanySize;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.ErrorCode;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A partner location's public page: the business profile, the location and its contact
 * form. A sent inquiry becomes a Direct referral for the location; a refused one comes
 * back with what was typed and why (a field's error, a robot's honeypot, too many
 * inquiries from the address).
 */
@Controller
class LocationPageController {

	private final BusinessProfiles profiles;

	private final Inquiries inquiries;

	LocationPageController(BusinessProfiles profiles, Inquiries inquiries) {
		this.profiles = profiles;
		this.inquiries = inquiries;
	}

	@GetMapping("/marketplace/partners/{profileId}")
	String profile(@PathVariable String profileId) {
		BusinessProfile profile = listed(profileId);
		return "redirect:" + MarketplacePaths.location(profile.id(), profile.locations().get(0).id());
	}

	@GetMapping("/marketplace/partners/{profileId}/locations/{locationId}")
	String page(@PathVariable String profileId, @PathVariable String locationId, Model model) {
		Page page = page(profileId, locationId);
		if (!model.containsAttribute("sentTo")) {
			model.addAttribute("inquiry", InquiryForm.empty(page.location().country()));
		}
		return render(page, model);
	}

	@PostMapping("/marketplace/partners/{profileId}/locations/{locationId}")
	String send(@PathVariable String profileId, @PathVariable String locationId,
			@Valid @ModelAttribute("inquiry") InquiryForm form, BindingResult binding, Model model, Locale locale,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		Page page = page(profileId, locationId);
		if (form.filledByRobot()) {
			// the page never shows the honeypot's value: a person sending again passes
			model.addAttribute("robot", true);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return render(page, model);
		}
		if (!binding.hasErrors()) {
			try {
				this.inquiries.submit(page.profile().id(), page.location().id(), form.inquiry(),
						request.getRemoteAddr(), locale);
				redirect.addFlashAttribute("sentTo", form.email());
				return "redirect:" + MarketplacePaths.location(page.profile().id(), page.location().id());
			}
			catch (InquiryRateLimited ex) {
				model.addAttribute("rateLimited", ex);
				model.addAttribute("retryMinutes", minutes(ex.retryAfter()));
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
				response.setHeader("Retry-After", String.valueOf(Math.max(1, ex.retryAfter().toSeconds())));
				return render(page, model);
			}
			catch (DomainException ex) {
				if (ex.code() != ErrorCode.INVALID_REQUEST) {
					throw ex;
				}
				FormErrors.reject(binding, ex, InquiryForm::field);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return render(page, model);
	}

	@GetMapping("/marketplace/partners/{profileId}/logo")
	ResponseEntity<byte[]> logo(@PathVariable String profileId) {
		Logo logo = this.profiles.logo(profileId(profileId))
			.orElseThrow(() -> DomainException.notFound("No logo for " + profileId));
		// pages link it with the profile's version, so a new logo has a new address
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(logo.contentType()))
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
			.body(logo.image());
	}

	private String render(Page page, Model model) {
		model.addAttribute("profile", page.profile());
		model.addAttribute("location", page.location());
		model.addAttribute("sizes", CompanySize.current());
		model.addAttribute("topics", page.profile().details().expertise().all().distinct().toList());
		model.addAttribute("maxNeeds", NewInquiry.MAX_NEEDS);
		return "marketplace/location";
	}

	private Page page(String profileId, String locationId) {
		BusinessProfile profile = listed(profileId);
		Location location = profile.location(new LocationId(uuid(locationId)))
			.orElseThrow(() -> DomainException.notFound("No location " + locationId));
		return new Page(profile, location);
	}

	private BusinessProfile listed(String profileId) {
		return this.profiles.find(profileId(profileId))
			.filter(BusinessProfile::isListed)
			.orElseThrow(() -> DomainException.notFound("No partner " + profileId));
	}

	private static ProfileId profileId(String id) {
		return new ProfileId(uuid(id));
	}

	private static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.notFound("Nothing at " + id);
		}
	}

	private static long minutes(Duration duration) {
		return Math.max(1, duration.plusSeconds(59).toMinutes());
	}

	private record Page(BusinessProfile profile, Location location) {
	}

}
