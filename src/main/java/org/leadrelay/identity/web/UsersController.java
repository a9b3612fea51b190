package org.leadrelay.identity.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.leadrelay.identity.InvitationMail;
import org.leadrelay.identity.Invitations;
import org.leadrelay.identity.Invitations.Invitation;
import org.leadrelay.identity.Invitations.InvitationRequest;
import org.leadrelay.identity.UserAccounts;
import org.leadrelay.partner.LocationId;
import org.leadrelay.partner.Organizations.OrganizationWithLocations;
import org.leadrelay.platform.PublicUrl;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.ErrorCode;
import org.leadrelay.shared.OrganizationId;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The users of the organizations an admin manages, and the form to invite more. The
 * invitee gets a set-password link by email; without a mail server the admin is shown the
 * link to pass on.
 */
@Controller
class UsersController {

	private final Invitations invitations;

	private final InvitationMail mail;

	private final UserAccounts users;

	private final PublicUrl publicUrl;

	UsersController(Invitations invitations, InvitationMail mail, UserAccounts users, PublicUrl publicUrl) {
		this.invitations = invitations;
		this.mail = mail;
		this.users = users;
		this.publicUrl = publicUrl;
	}

	@GetMapping("/users")
	String users(Caller caller, @RequestParam(required = false) @Nullable UUID organization, Model model) {
		OrganizationWithLocations managed = managed(caller, organization);
		model.addAttribute("form", InviteForm.empty(managed.organization().id().value()));
		return page(caller, managed, model);
	}

	@PostMapping("/users")
	String invite(Caller caller, @Valid @ModelAttribute("form") InviteForm form, BindingResult binding, Model model,
			Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
		OrganizationWithLocations managed = managed(caller, form.organization());
		if (!binding.hasErrors()) {
			try {
				Invitation invitation = this.invitations.invite(caller, new InvitationRequest(
						managed.organization().id(), form.email(), form.displayName(), form.chosenRoles(),
						form.chosenLocations().stream().map(LocationId::new).collect(Collectors.toSet()), locale));
				String link = UriComponentsBuilder.fromUriString(this.publicUrl.of("/set-password"))
					.queryParam("token", invitation.token())
					.toUriString();
				redirect.addFlashAttribute("invited", invitation.email());
				if (!this.mail.send(invitation, link, locale)) {
					redirect.addFlashAttribute("invitationLink", link);
				}
				return "redirect:/users?organization=" + managed.organization().id();
			}
			catch (DomainException ex) {
				if (ex.code() != ErrorCode.INVALID_REQUEST || ex.target() == null) {
					throw ex;
				}
				binding.rejectValue(ex.target(), "invitation." + ex.target() + ".rejected");
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(caller, managed, model);
	}

	private String page(Caller caller, OrganizationWithLocations managed, Model model) {
		model.addAttribute("organizations", this.invitations.managedBy(caller));
		model.addAttribute("managed", managed);
		model.addAttribute("roles", Invitations.rolesFor(managed.organization().kind()));
		model.addAttribute("users", this.users.listOf(managed.organization().id()));
		return "identity/users";
	}

	/** The organization asked for, if the caller manages it; else their own. */
	private OrganizationWithLocations managed(Caller caller, @Nullable UUID organization) {
		OrganizationId wanted = organization == null ? caller.organizationId() : new OrganizationId(organization);
		List<OrganizationWithLocations> managed = this.invitations.managedBy(caller);
		return managed.stream()
			.filter(entry -> entry.organization().id().equals(wanted))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
