package org.leadrelay.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.leadrelay.identity.Invitations;
import org.leadrelay.identity.Invitations.Invitee;
import org.leadrelay.identity.UserAccounts;
import org.leadrelay.shared.DomainException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where an invited user sets a password, through the one-time link of their invitation.
 */
@Controller
class SetPasswordController {

	private final Invitations invitations;

	SetPasswordController(Invitations invitations) {
		this.invitations = invitations;
	}

	@ModelAttribute("minLength")
	int minLength() {
		return UserAccounts.MIN_PASSWORD_LENGTH;
	}

	@GetMapping("/set-password")
	String form(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
		Invitee invitee = this.invitations.find(token).orElse(null);
		if (invitee == null) {
			response.setStatus(HttpStatus.GONE.value());
			return "identity/invitation-invalid";
		}
		model.addAttribute("invitee", invitee);
		model.addAttribute("form", new PasswordForm(token, null, null));
		return "identity/set-password";
	}

	@PostMapping("/set-password")
	String setPassword(@Valid @ModelAttribute("form") PasswordForm form, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Invitee invitee = form.token() == null ? null : this.invitations.find(form.token()).orElse(null);
		if (invitee == null) {
			response.setStatus(HttpStatus.GONE.value());
			return "identity/invitation-invalid";
		}
		if (!binding.hasFieldErrors("password") && !form.confirmed()) {
			binding.rejectValue("confirmation", "password.mismatch");
		}
		if (!binding.hasErrors()) {
			try {
				String email = this.invitations.accept(form.token(), form.password());
				redirect.addFlashAttribute("passwordSetFor", email);
				return "redirect:/login";
			}
			catch (DomainException ex) {
				if (!"password".equals(ex.target())) {
					// the link was used up in the meantime
					response.setStatus(HttpStatus.GONE.value());
					return "identity/invitation-invalid";
				}
				binding.rejectValue("password", "password.rejected");
			}
		}
		model.addAttribute("invitee", invitee);
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return "identity/set-password";
	}

}
