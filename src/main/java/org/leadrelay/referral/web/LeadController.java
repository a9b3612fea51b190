package org.leadrelay.referral.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.Organizations;
import org.leadrelay.platform.web.FormErrors;
import org.leadrelay.referral.Currencies;
import org.leadrelay.referral.LostReason;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralChangedException;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.ReferralProperties;
import org.leadrelay.referral.ReferralSearch;
import org.leadrelay.referral.Source;
import org.leadrelay.referral.TimelineEntry;
import org.leadrelay.referral.ViewedReferral;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;

import org.springframework.http.HttpStatus;
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
 * The lead page and its actions. Each action is a form of its own: invalid input comes
 * back with the user's input and the errors next to their fields; a lead someone else
 * changed meanwhile comes back as it is now, saying who changed it.
 */
@Controller
@RequestMapping("/leads/{id}")
class LeadController {

	/** The confirmation page of Mark won and Mark lost. */
	private static final String OUTCOME = "leads/outcome";

	private final ReferralSearch search;

	private final ReferralManagement management;

	private final Organizations organizations;

	private final ReferralProperties properties;

	private final Clock clock;

	LeadController(ReferralSearch search, ReferralManagement management, Organizations organizations,
			ReferralProperties properties, Clock clock) {
		this.search = search;
		this.management = management;
		this.organizations = organizations;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping
	String show(Caller caller, @PathVariable String id, Model model) {
		return show(caller, LeadIds.parse(id), model);
	}

	@GetMapping("/accept")
	String acceptForm(Caller caller, @PathVariable String id, Model model) {
		LeadPage lead = lead(caller, LeadIds.parse(id));
		model.addAttribute("form", AcceptForm.of(lead.referral(), this.properties.defaultCurrency()));
		return form(lead, lead.canRespond(), "leads/accept", model);
	}

	@PostMapping("/accept")
	String accept(Caller caller, @PathVariable String id, @Valid @ModelAttribute("form") AcceptForm form,
			BindingResult binding, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return submit(new Submission(caller, LeadIds.parse(id), binding, model, redirect, response), "leads/accept",
				AcceptForm::field, "lead.done.accepted", lead -> this.management.accept(caller, lead,
						form.deal().details(), form.contact().members(), Source.UI, form.deal().version()));
	}

	@GetMapping("/decline")
	String declineForm(Caller caller, @PathVariable String id, Model model) {
		LeadPage lead = lead(caller, LeadIds.parse(id));
		model.addAttribute("form", new DeclineForm(lead.referral().version(), null, null));
		return form(lead, lead.canRespond(), "leads/decline", model);
	}

	@PostMapping("/decline")
	String decline(Caller caller, @PathVariable String id, @Valid @ModelAttribute("form") DeclineForm form,
			BindingResult binding, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return submit(new Submission(caller, LeadIds.parse(id), binding, model, redirect, response), "leads/decline",
				DeclineForm::field, "lead.done.declined",
				lead -> this.management.decline(caller, lead, form.reason(), form.notes(), Source.UI, form.version()));
	}

	@GetMapping("/edit")
	String editForm(Caller caller, @PathVariable String id, Model model) {
		LeadPage lead = lead(caller, LeadIds.parse(id));
		model.addAttribute("form", DealForm.of(lead.referral(), this.properties.defaultCurrency()));
		return form(lead, lead.canWork(), "leads/edit", model);
	}

	@PostMapping("/edit")
	String edit(Caller caller, @PathVariable String id, @Valid @ModelAttribute("form") DealForm form,
			BindingResult binding, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return submit(new Submission(caller, LeadIds.parse(id), binding, model, redirect, response), "leads/edit",
				DealForm::field, "lead.done.edited",
				lead -> this.management.edit(caller, lead, form.details(), Source.UI, form.version()));
	}

	@GetMapping("/team")
	String teamMemberForm(Caller caller, @PathVariable String id, Model model) {
		LeadPage lead = lead(caller, LeadIds.parse(id));
		model.addAttribute("form", new TeamMemberForm(lead.referral().version(), null, null, null, null));
		return form(lead, lead.canWork(), "leads/team-member", model);
	}

	@PostMapping("/team")
	String addTeamMember(Caller caller, @PathVariable String id, @Valid @ModelAttribute("form") TeamMemberForm form,
			BindingResult binding, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return submit(new Submission(caller, LeadIds.parse(id), binding, model, redirect, response),
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
		return submit(new Submission(caller, LeadIds.parse(id), binding, model, redirect, response), OUTCOME,
				target -> null, "lead.done.won",
				lead -> this.management.markWon(caller, lead, Source.UI, form.version()));
	}

	@PostMapping("/lost")
	String markLost(Caller caller, @PathVariable String id, @ModelAttribute("outcome") OutcomeForm form,
			BindingResult binding, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		model.addAttribute("won", false);
		return submit(new Submission(caller, LeadIds.parse(id), binding, model, redirect, response), OUTCOME,
				target -> null, "lead.done.lost",
				lead -> this.management.markLost(caller, lead, form.reason(), Source.UI, form.version()));
	}

	/**
	 * Runs an action unless the form has errors, then goes back to the lead page; on
	 * refused input shows the form again.
	 */
	private String submit(Submission submission, String formView, Function<String, @Nullable String> fieldOf,
			String done, Consumer<ReferralId> action) {
		BindingResult binding = submission.binding();
		if (!binding.hasErrors()) {
			try {
				action.accept(submission.lead());
				submission.redirect().addFlashAttribute("done", done);
				return "redirect:/leads/" + submission.lead();
			}
			catch (DomainException ex) {
				switch (ex.code()) {
					case INVALID_REQUEST -> FormErrors.reject(binding, ex, fieldOf);
					case RESOURCE_MODIFIED, PRECONDITION_FAILED -> {
						submission.response().setStatus(HttpStatus.CONFLICT.value());
						submission.model()
							.addAttribute("changedBy", changedBy(submission.caller(), submission.lead(), ex));
						return show(submission.caller(), submission.lead(), submission.model());
					}
					case CONFLICT -> {
						submission.response().setStatus(HttpStatus.CONFLICT.value());
						submission.model().addAttribute("notAllowed", true);
						return show(submission.caller(), submission.lead(), submission.model());
					}
					default -> throw ex;
				}
			}
		}
		submission.response().setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		LeadPage lead = lead(submission.caller(), submission.lead());
		return form(lead, true, formView, submission.model());
	}

	private String outcomeForm(Caller caller, String id, boolean won, Model model) {
		LeadPage lead = lead(caller, LeadIds.parse(id));
		model.addAttribute("outcome", new OutcomeForm(lead.referral().version(), null));
		model.addAttribute("won", won);
		return form(lead, lead.canWork(), OUTCOME, model);
	}

	private String show(Caller caller, ReferralId id, Model model) {
		model.addAttribute("lead", lead(caller, id));
		return "leads/lead";
	}

	/** A form for an action the lead's stage allows; otherwise back to the lead. */
	private String form(LeadPage lead, boolean allowed, String view, Model model) {
		if (!allowed) {
			return "redirect:/leads/" + lead.referral().id();
		}
		model.addAttribute("lead", lead);
		model.addAttribute("currencies", Currencies.ACTIVE);
		model.addAttribute("declineReasons", this.properties.declineReasons());
		model.addAttribute("lostReasons", LostReason.values());
		return view;
	}

	private LeadPage lead(Caller caller, ReferralId id) {
		ViewedReferral viewed = this.search.get(caller, id);
		Referral referral = viewed.referral();
		Instant now = this.clock.instant();
		List<TimelineEntry> timeline = this.search.timeline(caller, id);
		return new LeadPage(referral, viewed.favorite(),
				this.organizations.findLocation(referral.locationId()).orElse(null),
				this.organizations.nameOf(referral.organizationId()), TimeLeft.toRespond(referral, now),
				referral.missedResponseWindow(now),
				referral.isContactRequestUrgent(now, this.properties.contactRequestUrgency()), caller.isPartner(),
				LeadPage.TimelineRow.of(timeline, referral.dealValue()));
	}

	/** Who made the change that got in the way of the caller's. */
	private String changedBy(Caller caller, ReferralId id, DomainException ex) {
		if (ex instanceof ReferralChangedException changed) {
			return changed.changedBy();
		}
		List<TimelineEntry> timeline = this.search.timeline(caller, id);
		return timeline.isEmpty() ? "" : timeline.get(timeline.size() - 1).actorName();
	}

	/** One form post about a lead, and where its answer goes. */
	private record Submission(Caller caller, ReferralId lead, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
	}

}
