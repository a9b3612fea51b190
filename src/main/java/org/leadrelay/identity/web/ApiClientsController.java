package org.leadrelay.identity.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.leadrelay.identity.ApiClients;
import org.leadrelay.identity.ApiClients.NewApiClient;
import org.leadrelay.platform.PublicUrl;
import org.leadrelay.shared.Caller;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The API clients of the admin's organization: create one (its secret is shown once, on
 * the page the creation redirects to), list them, revoke one. Another organization's
 * client is not found.
 */
@Controller
class ApiClientsController {

	private final ApiClients clients;

	private final PublicUrl publicUrl;

	ApiClientsController(ApiClients clients, PublicUrl publicUrl) {
		this.clients = clients;
		this.publicUrl = publicUrl;
	}

	@GetMapping("/api-clients")
	String list(Caller caller, Model model) {
		model.addAttribute("form", new ApiClientForm(null));
		return page(caller, model);
	}

	@PostMapping("/api-clients")
	String create(Caller caller, @Valid @ModelAttribute("form") ApiClientForm form, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(caller, model);
		}
		NewApiClient created = this.clients.create(caller, form.name());
		redirect.addFlashAttribute("createdClientId", created.clientId());
		redirect.addFlashAttribute("createdSecret", created.secret());
		return "redirect:/api-clients";
	}

	@PostMapping("/api-clients/{id}/revoke")
	String revoke(Caller caller, @PathVariable UUID id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("revoked", this.clients.revoke(caller, id));
		return "redirect:/api-clients";
	}

	private String page(Caller caller, Model model) {
		model.addAttribute("clients", this.clients.list(caller));
		model.addAttribute("tokenUrl", this.publicUrl.of("/oauth2/token"));
		return "identity/api-clients";
	}

}
