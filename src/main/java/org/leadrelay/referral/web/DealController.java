package org.leadrelay.referral.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.leadrelay.referral.DealStage;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.Source;
import org.leadrelay.referral.web.ReferralForms.Submission;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The actions only a co-sell deal has: moving it between sales stages and sharing a
 * private deal with the vendor once the customer agreed. The page itself and the actions
 * it shares with leads are {@link LeadController}'s.
 */
@Controller
@RequestMapping("/deals/{id}")
class DealController {

	private final ReferralManagement management;

	private final ReferralForms forms;

	DealController(ReferralManagement management, ReferralForms forms) {
		this.management = management;
		this.forms = forms;
	}

	@GetMapping("/stage")
	String stageForm(Caller caller, @PathVariable String id, Model model) {
		LeadPage lead = deal(caller, id);
		model.addAttribute("form", new DealStageForm(lead.referral().version(), null));
		List<DealStage> moves = moves(lead, model);
		return this.forms.form(lead, !moves.isEmpty(), "deals/stage", model);
	}

	@PostMapping("/stage")
	String moveToStage(Caller caller, @PathVariable String id, @Valid @ModelAttribute("form") DealStageForm form,
			BindingResult binding, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		moves(deal(caller, id), model);
		return this.forms.submit(new Submission(caller, LeadIds.parse(id), binding, model, redirect, response),
				"deals/stage", DealStageForm::field, "deal.done.stage",
				deal -> this.management.moveToStage(caller, deal, form.stage(), Source.UI, form.version()));
	}

	@GetMapping("/share")
	String shareForm(Caller caller, @PathVariable String id, Model model) {
		LeadPage lead = deal(caller, id);
		model.addAttribute("form", new DealShareForm(lead.referral().version(), null));
		return this.forms.form(lead, DealPage.of(lead, null, List.of()).canShare(), "deals/share", model);
	}

	@PostMapping("/share")
	String share(Caller caller, @PathVariable String id, @Valid @ModelAttribute("form") DealShareForm form,
			BindingResult binding, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		deal(caller, id);
		return this.forms.submit(new Submission(caller, LeadIds.parse(id), binding, model, redirect, response),
				"deals/share", target -> null, "deal.done.shared",
				deal -> this.management.shareWithVendor(caller, deal, Source.UI, form.version()));
	}

	/** The stages the deal may move to, which the stage form offers. */
	private static List<DealStage> moves(LeadPage lead, Model model) {
		List<DealStage> moves = DealPage.of(lead, null, List.of()).moves();
		model.addAttribute("moves", moves);
		return moves;
	}

	/** A co-sell deal of the caller's; a lead has no deal actions, so it is not found. */
	private LeadPage deal(Caller caller, String id) {
		LeadPage lead = this.forms.page(caller, LeadIds.parse(id));
		if (!lead.referral().engagement().isCoSell()) {
			throw DomainException.notFound("No deal " + id);
		}
		return lead;
	}

}
