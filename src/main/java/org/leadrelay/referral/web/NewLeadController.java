package org.leadrelay.referral.web;

import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.leadrelay.partner.Organizations;
import org.leadrelay.partner.Organizations.OrganizationWithLocations;
import org.leadrelay.platform.web.FormErrors;
import org.leadrelay.shared.CompanySize;
import org.leadrelay.referral.Currencies;
import org.leadrelay.referral.Qualification;
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
 * Vendor staff send a qualified lead to a partner location: sellers sales-qualified ones,
 * marketing staff marketing-qualified ones, the vendor admin either. What they sent is in
 * their leads list.
 */
@Controller
class NewLeadController {

	private final ReferralManagement management;

	private final Organizations organizations;

	private final ReferralProperties properties;

	NewLeadController(ReferralManagement management, Organizations organizations, ReferralProperties properties) {
		this.management = management;
		this.organizations = organizations;
		this.properties = properties;
	}

	@GetMapping("/leads/new")
	String form(Caller caller, Model model) {
		List<Qualification> qualifications = NewLeadForm.qualifications(caller);
		model.addAttribute("form", NewLeadForm.empty(qualifications.size() == 1 ? qualifications.get(0) : null,
				this.properties.defaultCurrency()));
		return page(caller, model);
	}

	@PostMapping("/leads/new")
	String send(Caller caller, @Valid @ModelAttribute("form") NewLeadForm form, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (!binding.hasErrors()) {
			try {
				Referral sent = this.management.send(caller, form.toNewReferral(), Source.UI);
				redirect.addFlashAttribute("done", "lead.done.sent");
				return "redirect:/leads/" + sent.id();
			}
			catch (DomainException ex) {
				if (ex.code() == ErrorCode.ACCESS_DENIED) {
					binding.rejectValue("qualification", "lead.new.qualificationNotYours");
				}
				else if (ex.code() == ErrorCode.INVALID_REQUEST) {
					FormErrors.reject(binding, ex, NewLeadForm::field);
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
		model.addAttribute("partners",
				this.organizations.visibleTo(caller)
					.stream()
					.filter(entry -> entry.organization().isPartner())
					.sorted(Comparator.comparing((OrganizationWithLocations entry) -> entry.organization().name()))
					.toList());
		model.addAttribute("qualifications", NewLeadForm.qualifications(caller));
		model.addAttribute("sizes", CompanySize.current());
		model.addAttribute("currencies", Currencies.ACTIVE);
		return "leads/new";
	}

}
