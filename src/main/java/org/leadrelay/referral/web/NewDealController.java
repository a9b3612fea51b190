package org.leadrelay.referral.web;

import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.leadrelay.partner.Catalogue;
import org.leadrelay.partner.Location;
import org.leadrelay.partner.Organizations;
import org.leadrelay.partner.Organizations.OrganizationWithLocations;
import org.leadrelay.platform.web.FormErrors;
import org.leadrelay.referral.AssistanceRequestCode;
import org.leadrelay.referral.Currencies;
import org.leadrelay.referral.DealType;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.ReferralProperties;
import org.leadrelay.referral.Source;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.ErrorCode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A partner's Referrals admin or user creates a deal on one of its locations; a co-sell
 * or partner-to-partner deal invites the vendor or another partner's location at once.
 */
@Controller
class NewDealController {

	private final ReferralManagement management;

	private final Organizations organizations;

	private final Catalogue catalogue;

	private final ReferralProperties properties;

	NewDealController(ReferralManagement management, Organizations organizations, Catalogue catalogue,
			ReferralProperties properties) {
		this.management = management;
		this.organizations = organizations;
		this.catalogue = catalogue;
		this.properties = properties;
	}

	@GetMapping("/deals/new")
	String form(Caller caller, Model model) {
		List<Location> locations = ownLocations(caller);
		model.addAttribute("form", NewDealForm.empty(locations.size() == 1 ? locations.get(0).id().value() : null,
				this.properties.defaultCurrency()));
		return page(caller, model);
	}

	@PostMapping("/deals/new")
	String create(Caller caller, @Valid @ModelAttribute("form") NewDealForm form, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (!binding.hasErrors()) {
			try {
				Referral created = this.management.createDeal(caller, form.toNewDeal(), Source.UI);
				redirect.addFlashAttribute("done", "deal.done.created");
				return "redirect:" + LeadPage.path(created);
			}
			catch (DomainException ex) {
				if (ex.code() == ErrorCode.INVALID_REQUEST) {
					FormErrors.reject(binding, ex, form::field);
				}
				else if (ex.code() == ErrorCode.ACCESS_DENIED) {
					binding.rejectValue("location", "deal.new.locationNotYours");
				}
				else {
					throw ex;
				}
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(caller, model);
	}

	private String page(Caller caller, Model model) {
		if (!caller.isPartner()) {
			throw DomainException.notFound("Vendor staff create no deals; partners do");
		}
		model.addAttribute("locations", ownLocations(caller));
		model.addAttribute("partners",
				this.organizations.otherPartnersOf(caller.organizationId())
					.stream()
					.filter(entry -> !entry.locations().isEmpty())
					.sorted(Comparator.comparing((OrganizationWithLocations entry) -> entry.organization().name()))
					.toList());
		model.addAttribute("types", DealType.values());
		model.addAttribute("assistanceCodes", AssistanceRequestCode.values());
		model.addAttribute("products", this.catalogue.of(caller).products());
		model.addAttribute("currencies", Currencies.ACTIVE);
		return "deals/new";
	}

	private List<Location> ownLocations(Caller caller) {
		return this.organizations.visibleTo(caller)
			.stream()
			.filter(entry -> entry.organization().id().equals(caller.organizationId()))
			.flatMap(entry -> entry.locations().stream())
			.sorted(Comparator.comparing(Location::name))
			.toList();
	}

}
