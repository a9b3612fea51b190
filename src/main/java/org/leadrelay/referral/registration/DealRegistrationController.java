package org.leadrelay.referral.registration;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.RegistrationRefusedException;
import org.leadrelay.referral.Source;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.ErrorCode;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The partner's registration page of a deal: its registration and status, or the form to
 * register it while the deal allows. Another organization's deal is not found; a partner
 * learns of a conflict only that there is one, under the vendor's review.
 */
@Controller
@RequestMapping("/deals/{id}/registration")
class DealRegistrationController {

	private static final String VIEW = "registrations/deal";

	private final DealRegistrations registrations;

	private final ChannelConflicts conflicts;

	private final Clock clock;

	DealRegistrationController(DealRegistrations registrations, ChannelConflicts conflicts, Clock clock) {
		this.registrations = registrations;
		this.conflicts = conflicts;
		this.clock = clock;
	}

	@GetMapping
	String show(Caller caller, @PathVariable UUID id, Model model) {
		Referral deal = this.registrations.ownDeal(caller, new ReferralId(id));
		Money value = deal.dealValue();
		RegistrationForm form = new RegistrationForm(deal.requirements().products(),
				value == null ? null : value.amount().toPlainString());
		return page(caller, deal, form, model);
	}

	@PostMapping
	String register(Caller caller, @PathVariable UUID id, @ModelAttribute("form") RegistrationForm form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Referral deal = this.registrations.ownDeal(caller, new ReferralId(id));
		Money currency = deal.dealValue();
		BigDecimal amount = form.amount();
		if (form.products() == null || form.products().isEmpty()) {
			return refused(caller, deal, form, "registration.error.products", model, response);
		}
		if (amount == null || amount.signum() <= 0 || currency == null) {
			return refused(caller, deal, form, "registration.error.value", model, response);
		}
		try {
			this.registrations.register(caller, deal.id(), form.products(), new Money(amount, currency.currency()),
					Source.UI);
		}
		catch (RegistrationRefusedException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("refusal", ex);
			return page(caller, deal, form, model);
		}
		catch (DomainException ex) {
			if (ex.code() == ErrorCode.CONFLICT) {
				// registered meanwhile (a second click): the page shows the registration
				return "redirect:/deals/" + deal.id() + "/registration";
			}
			if (ex.code() != ErrorCode.INVALID_REQUEST) {
				throw ex;
			}
			return refused(caller, deal, form, "registration.error.products", model, response);
		}
		redirect.addFlashAttribute("done", "registration.done");
		return "redirect:/deals/" + deal.id() + "/registration";
	}

	private String refused(Caller caller, Referral deal, RegistrationForm form, String message, Model model,
			HttpServletResponse response) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("error", message);
		return page(caller, deal, form, model);
	}

	private String page(Caller caller, Referral deal, RegistrationForm form, Model model) {
		DealRegistration registration = this.registrations.of(caller, deal.id()).orElse(null);
		model.addAttribute("deal", deal);
		model.addAttribute("registration", registration);
		model.addAttribute("inConflict", this.conflicts.inConflict(deal.id()));
		model.addAttribute("form", form);
		if (registration == null && !model.containsAttribute("refusal")) {
			model.addAttribute("refusal", refusal(deal));
		}
		return VIEW;
	}

	/** Why the deal cannot be registered now, if it cannot. */
	private @Nullable MessageSourceResolvable refusal(Referral deal) {
		return deal.registrationRefusal(this.clock.instant()).orElse(null);
	}

	/**
	 * What the partner registers: some of the deal's products, and the contract value.
	 */
	record RegistrationForm(@Nullable List<String> products, @Nullable String value) {

		@Nullable BigDecimal amount() {
			try {
				return this.value == null || this.value.isBlank() ? null : new BigDecimal(this.value.strip());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

	}

}
