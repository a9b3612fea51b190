package org.leadrelay.referral.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.ReferralProperties;
import org.leadrelay.referral.Source;
import org.leadrelay.referral.web.ReferralForms.Submission;
import org.leadrelay.shared.Caller;

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
 * The lead page and its actions, which a co-sell deal's page ({@code /deals/{id}})
 * shares: an invitation is accepted and declined as a lead is, and a deal is edited,
 * staffed, won and lost the same way. Each action is a form of its own
 * ({@link ReferralForms}).
 */
@Controller
@RequestMapping({ "/leads/{id}", "/deals/{id}" })
class LeadController {

	/** The confirmation page of Mark won and Mark lost. */
	private static final String OUTCOME = "leads/outcome";

	private final ReferralManagement management;

	private final ReferralForms forms;

	private final ReferralProperties properties;

	LeadController(ReferralManagement management, ReferralForms forms, ReferralProperties properties) {
		this.management = management;
		this.forms = forms;
		this.properties = properties;
	}

	@GetMapping
	String show(Caller caller, @PathVariable String id, Model model) {
		return this.forms.show(caller, LeadIds.parse(id), model);
	}

	@GetMapping("/accept")
	String acceptForm(Caller caller, @PathVariable String id, Model model) {
		LeadPage lead = this.forms.page(caller, LeadIds.parse(id));
		model.addAttribute("form", AcceptForm.of(lead.referral(), this.properties.defaultCurrency()));
		return this.forms.form(lead, lead.canRespond(), "leads/accept", model);
	}

	@PostMapping("/accept")
	String accept(Caller caller, @PathVariable String id, @Valid @ModelAttribute("form") AcceptForm form,
			BindingResult binding, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return this.forms.submit(new Submission(caller, LeadIds.parse(id), binding, model, redirect, response),
				"leads/accept", AcceptForm::field, "lead.done.accepted", lead -> this.management.accept(caller, lead,
						form.deal().details(), form.contact().members(), Source.UI, form.deal().version()));
	}

	@GetMapping("/decline")
	String declineForm(Caller caller, @PathVariable String id, Model model) {
		LeadPage lead = this.forms.page(caller, LeadIds.parse(id));
		model.addAttribute("form", new DeclineForm(lead.referral().version(), null, null));
		return this.forms.form(lead, lead.canRespond(), "leads/decline", model);
	}

	@PostMapping("/decline")
	String decline(Caller caller, @PathVariable String id, @Valid @ModelAttribute("form") DeclineForm form,
			BindingResult binding, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return this.forms.submit(new Submission(caller, LeadIds.parse(id), binding, model, redirect, response),
				"leads/decline", DeclineForm::field, "lead.done.declined",
				lead -> this.management.decline(caller, lead, form.reason(), form.notes(), Source.UI, form.version()));
	}

	@GetMapping("/edit")
	String editForm(Caller caller, @PathVariable String id, Model model) {
		LeadPage lead = this.forms.page(caller, LeadIds.parse(id));
		model.addAttribute("form", DealForm.of(lead.referral(), this.properties.defaultCurrency()));
		return this.forms.form(lead, lead.canWork(), "leads/edit", model);
	}

	@PostMapping("/edit")
	String edit(Caller caller, @PathVariable String id, @Valid @ModelAttribute("form") DealForm form,
			BindingResult binding, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return this.forms.submit(new Submission(caller, LeadIds.parse(id), binding, model, redirect, response),
				"leads/edit", DealForm::field, "lead.done.edited",
				lead -> this.management.edit(caller, lead, form.details(), Source.UI, form.version()));
	}

	@GetMapping("/team")
	String teamMemberForm(Caller caller, @PathVariable String id, Model model) {
		LeadPage lead = this.forms.page(caller, LeadIds.parse(id));
		model.addAttribute("form", new TeamMemberForm(lead.referral().version(), null, null, null, null));
		return this.forms.form(lead, lead.canWork(), "leads/team-member", model);
	}

	@PostMapping("/team")
	String addTeamMember(Caller caller, @PathVariable String id, @Valid @ModelAttribute("form") TeamMemberForm form,
			BindingResult binding, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return this.forms.submit(new Submission(caller, LeadIds.parse(id), binding, model, redirect, response),
				"leads/team-member", TeamMemberForm::field, "lead.done.teamMemberAdded",
				lead -> this.management.addTeamMember(caller, lead, form.member(), Source.UI, form.version()));
	}

	/**
	 * Won and lost archive the lead for good, so each asks first on a page of its own
	 * that says so; it works without JavaScript.
	 */
	@GetMapping("/won")
	String wonForm(Caller caller, @PathVariable String id, Model model) {
		return outcomeForm(caller, id, true, model);
	}

	@GetMapping("/lost")
	String lostForm(Caller caller, @PathVariable String id, Model model) {
		return outcomeForm(caller, id, false, model);
	}

	@PostMapping("/won")
	String markWon(Caller caller, @PathVariable String id, @ModelAttribute("outcome") OutcomeForm form,
			BindingResult binding, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		model.addAttribute("won", true);
		return this.forms.submit(new Submission(caller, LeadIds.parse(id), binding, model, redirect, response), OUTCOME,
				target -> null, "lead.done.won",
				lead -> this.management.markWon(caller, lead, Source.UI, form.version()));
	}

	@PostMapping("/lost")
	String markLost(Caller caller, @PathVariable String id, @ModelAttribute("outcome") OutcomeForm form,
			BindingResult binding, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		model.addAttribute("won", false);
		return this.forms.submit(new Submission(caller, LeadIds.parse(id), binding, model, redirect, response), OUTCOME,
				target -> null, "lead.done.lost",
				lead -> this.management.markLost(caller, lead, form.reason(), Source.UI, form.version()));
	}

	private String outcomeForm(Caller caller, String id, boolean won, Model model) {
		LeadPage lead = this.forms.page(caller, LeadIds.parse(id));
		model.addAttribute("outcome", new OutcomeForm(lead.referral().version(), null));
		model.addAttribute("won", won);
		return this.forms.form(lead, lead.canWork(), OUTCOME, model);
	}

}
