package org.leadrelay.crm.web;

import java.util.UUID;

import org.leadrelay.crm.LeadSyncs;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.shared.Caller;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Retry button of a lead's CRM sync, on the lead page. */
@Controller
class LeadSyncController {

	private final LeadSyncs syncs;

	LeadSyncController(LeadSyncs syncs) {
		this.syncs = syncs;
	}

	@PostMapping("/leads/{id}/crm-sync/retry")
	String retry(Caller caller, @PathVariable String id, RedirectAttributes redirect) {
		ReferralId lead;
		try {
			lead = new ReferralId(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		this.syncs.retry(caller, lead);
		redirect.addFlashAttribute("done", "crm.done.retried");
		return "redirect:/leads/" + lead;
	}

}
