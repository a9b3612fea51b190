package org.leadrelay.webhook.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.webhook.RegisteredWebhook;
import org.leadrelay.webhook.WebhookEvent;
import org.leadrelay.webhook.Webhooks;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organization's webhooks and the form to register one. The new endpoint's signing
 * secret is shown once, on the page the registration redirects to.
 */
@Controller
class WebhooksPageController {

	private final Webhooks webhooks;

	WebhooksPageController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@GetMapping("/webhooks")
	String list(Caller caller, Model model) {
		model.addAttribute("form", WebhookForm.empty());
		return page(caller, model);
	}

	@PostMapping("/webhooks")
	String register(Caller caller, @Valid @ModelAttribute("form") WebhookForm form, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (!binding.hasErrors()) {
			try {
				RegisteredWebhook registered = this.webhooks.register(caller, form.url(), form.events());
				redirect.addFlashAttribute("secret", registered.secret());
				redirect.addFlashAttribute("done", "webhooks.done.registered");
				return "redirect:/webhooks/" + registered.endpoint().id();
			}
			catch (DomainException ex) {
				switch (ex.code()) {
					// the domain explains what is wrong with the URL (private address, no
					// https, unknown host): shown next to the field
					case INVALID_REQUEST -> binding.rejectValue(ex.target() == null ? "url" : ex.target(),
							"domain.rejected", new Object[] { ex.getMessage() }, ex.getMessage());
					case CONFLICT -> binding.reject("webhooks.tooMany");
					default -> throw ex;
				}
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(caller, model);
	}

	private String page(Caller caller, Model model) {
		model.addAttribute("webhooks", this.webhooks.list(caller));
		model.addAttribute("events", WebhookEvent.referralEvents());
		return "webhooks/list";
	}

}
