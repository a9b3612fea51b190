package org.leadrelay.referral.registration;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.Source;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.ErrorCode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The vendor admin's registrations (pending first, paged) with approve and reject, and
 * the channel conflicts side by side with their decision. Another program's registration
 * or conflict is not found; every decision needs a reason, except approving.
 */
@Controller
@RequestMapping("/registrations")
class RegistrationsController {

	private static final int PAGE_SIZE = 20;

	private static final int CONFLICTS_SHOWN = 50;

	private final DealRegistrations registrations;

	private final ChannelConflicts conflicts;

	RegistrationsController(DealRegistrations registrations, ChannelConflicts conflicts) {
		this.registrations = registrations;
		this.conflicts = conflicts;
	}

	@GetMapping
	String list(Caller caller, @RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("page", this.registrations.page(caller, page - 1, PAGE_SIZE));
		return "registrations/list";
	}

	@PostMapping("/{id}")
	String decide(Caller caller, @PathVariable UUID id, @RequestParam String decision,
			@RequestParam(required = false) @Nullable String reason, @RequestParam(defaultValue = "1") int page,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		boolean approve = "approve".equals(decision);
		if (!approve && (reason == null || reason.isBlank())) {
			return refused(caller, page, "registrations.reasonMissing", HttpStatus.UNPROCESSABLE_CONTENT, model,
					response);
		}
		try {
			if (approve) {
				this.registrations.approve(caller, id, reason, Source.UI);
			}
			else {
				this.registrations.reject(caller, id, reason, Source.UI);
			}
		}
		catch (DomainException ex) {
			if (ex.code() == ErrorCode.INVALID_REQUEST) {
				return refused(caller, page, "registrations.reasonInvalid", HttpStatus.UNPROCESSABLE_CONTENT, model,
						response);
			}
			if (ex.code() != ErrorCode.CONFLICT) {
				throw ex;
			}
			boolean inConflict = this.registrations.inConflict(caller, id);
			return refused(caller, page, inConflict ? "registrations.decideConflictFirst" : "registrations.notPending",
					HttpStatus.CONFLICT, model, response);
		}
		redirect.addFlashAttribute("done", approve ? "registrations.approved" : "registrations.rejected");
		return "redirect:/registrations?page=" + Math.max(1, page);
	}

	@GetMapping("/conflicts")
	String conflicts(Caller caller, Model model) {
		model.addAttribute("conflicts", this.conflicts.list(caller, CONFLICTS_SHOWN));
		return "registrations/conflicts";
	}

	@PostMapping("/conflicts/{id}")
	String decideConflict(Caller caller, @PathVariable UUID id, @RequestParam(required = false) @Nullable UUID keep,
			@RequestParam(required = false) @Nullable String reason, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		this.conflicts.get(caller, id);
		if (reason == null || reason.isBlank()) {
			return refusedConflict(caller, "conflicts.reasonMissing", HttpStatus.UNPROCESSABLE_CONTENT, model,
					response);
		}
		try {
			if (keep != null) {
				this.conflicts.keep(caller, id, new ReferralId(keep), reason, Source.UI);
			}
			else {
				this.conflicts.dismiss(caller, id, reason, Source.UI);
			}
		}
		catch (DomainException ex) {
			if (ex.code() == ErrorCode.INVALID_REQUEST) {
				return refusedConflict(caller, "conflicts.invalid", HttpStatus.UNPROCESSABLE_CONTENT, model, response);
			}
			if (ex.code() != ErrorCode.CONFLICT) {
				throw ex;
			}
			boolean open = this.conflicts.get(caller, id).conflict().isOpen();
			return refusedConflict(caller, open ? "conflicts.otherApproved" : "conflicts.notOpen", HttpStatus.CONFLICT,
					model, response);
		}
		redirect.addFlashAttribute("done", "conflicts.decided");
		return "redirect:/registrations/conflicts";
	}

	private String refused(Caller caller, int page, String error, HttpStatus status, Model model,
			HttpServletResponse response) {
		response.setStatus(status.value());
		model.addAttribute("error", error);
		return list(caller, page, model);
	}

	private String refusedConflict(Caller caller, String error, HttpStatus status, Model model,
			HttpServletResponse response) {
		response.setStatus(status.value());
		model.addAttribute("error", error);
		return conflicts(caller, model);
	}

}
