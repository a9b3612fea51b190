package org.leadrelay.webhook.web;

import java.util.UUID;

import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.ErrorCode;
import org.leadrelay.webhook.WebhookEndpoint;
import org.leadrelay.webhook.Webhooks;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One webhook: its delivery log with every attempt and a replay button per delivery, a
 * new secret (shown once), and deleting it. Another organization's webhook is not found.
 */
@Controller
@RequestMapping("/webhooks/{id}")
class WebhookPageController {

	/** How many of the newest deliveries the log shows. */
	static final int DELIVERIES = 50;

	private final Webhooks webhooks;

	WebhookPageController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@GetMapping
	String show(Caller caller, @PathVariable UUID id, Model model) {
		model.addAttribute("webhook", this.webhooks.get(caller, id));
		model.addAttribute("deliveries", this.webhooks.deliveries(caller, id, DELIVERIES));
		model.addAttribute("shown", DELIVERIES);
		return "webhooks/webhook";
	}

	@PostMapping("/rotate-secret")
	String rotateSecret(Caller caller, @PathVariable UUID id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("secret", this.webhooks.rotateSecret(caller, id).secret());
		redirect.addFlashAttribute("done", "webhooks.done.rotated");
		return "redirect:/webhooks/" + id;
	}

	@PostMapping("/delete")
	String delete(Caller caller, @PathVariable UUID id, RedirectAttributes redirect) {
		WebhookEndpoint webhook = this.webhooks.get(caller, id);
		this.webhooks.delete(caller, id);
		redirect.addFlashAttribute("deleted", webhook.url());
		return "redirect:/webhooks";
	}

	@PostMapping("/deliveries/{delivery}/replay")
	String replay(Caller caller, @PathVariable UUID id, @PathVariable UUID delivery, RedirectAttributes redirect) {
		try {
			this.webhooks.replay(caller, id, delivery);
			redirect.addFlashAttribute("done", "webhooks.done.replayed");
		}
		catch (DomainException ex) {
			if (ex.code() != ErrorCode.CONFLICT) {
				throw ex;
			}
			redirect.addFlashAttribute("refused", "webhooks.replay.disabled");
		}
		return "redirect:/webhooks/" + id;
	}

}
