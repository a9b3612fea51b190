package org.leadrelay.referral.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.Organizations;
import org.leadrelay.platform.web.FormErrors;
import org.leadrelay.referral.Currencies;
import org.leadrelay.referral.LostReason;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralChangedException;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.ReferralProperties;
import org.leadrelay.referral.ReferralSearch;
import org.leadrelay.referral.TimelineEntry;
import org.leadrelay.referral.ViewedReferral;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page of a lead or a co-sell deal and how its action forms are answered, shared by
 * the lead's and the deal's controllers: each action is a form of its own; invalid input
 * comes back with the user's input and the errors next to their fields; a referral
 * someone else changed meanwhile comes back as it is now, saying who changed it; a change
 * its stage does not allow comes back saying why, in the reader's language.
 */
@Component
class ReferralForms {

	private final ReferralSearch search;

	private final Organizations organizations;

	private final ReferralProperties properties;

	private final DealPages deals;

	private final Clock clock;

	ReferralForms(ReferralSearch search, Organizations organizations, ReferralProperties properties, DealPages deals,
			Clock clock) {
		this.search = search;
		this.organizations = organizations;
		this.properties = properties;
		this.deals = deals;
		this.clock = clock;
	}

	/**
	 * Runs an action unless the form has errors, then goes back to the referral's page;
	 * on refused input shows the form again.
	 */
	String submit(Submission submission, String formView, Function<String, @Nullable String> fieldOf, String done,
			Function<ReferralId, Referral> action) {
		BindingResult binding = submission.binding();
		if (!binding.hasErrors()) {
			try {
				Referral changed = action.apply(submission.id());
				submission.redirect().addFlashAttribute("done", done);
				return "redirect:" + LeadPage.path(changed);
			}
			catch (DomainException ex) {
				switch (ex.code()) {
					case INVALID_REQUEST -> FormErrors.reject(binding, ex, fieldOf);
					case RESOURCE_MODIFIED, PRECONDITION_FAILED -> {
						submission.response().setStatus(HttpStatus.CONFLICT.value());
						submission.model()
							.addAttribute("changedBy", changedBy(submission.caller(), submission.id(), ex));
						return show(submission.caller(), submission.id(), submission.model());
					}
					case CONFLICT -> {
						submission.response().setStatus(HttpStatus.CONFLICT.value());
						submission.model().addAttribute("notAllowed", true);
						if (ex instanceof MessageSourceResolvable refusal) {
							submission.model().addAttribute("refusal", refusal);
						}
						return show(submission.caller(), submission.id(), submission.model());
					}
					default -> throw ex;
				}
			}
		}
		submission.response().setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return form(page(submission.caller(), submission.id()), true, formView, submission.model());
	}

	/** The page of a lead, or of a co-sell deal with what only deals show. */
	String show(Caller caller, ReferralId id, Model model) {
		ViewedReferral viewed = this.search.get(caller, id);
		LeadPage lead = page(caller, viewed);
		model.addAttribute("lead", lead);
		if (lead.referral().engagement().isCoSell()) {
			model.addAttribute("deal", this.deals.of(caller, lead, viewed.related()));
			return "deals/deal";
		}
		return "leads/lead";
	}

	/** A form for an action the referral's stage allows; otherwise back to its page. */
	String form(LeadPage lead, boolean allowed, String view, Model model) {
		if (!allowed) {
			return "redirect:" + lead.path();
		}
		model.addAttribute("lead", lead);
		model.addAttribute("currencies", Currencies.ACTIVE);
		model.addAttribute("declineReasons", this.properties.declineReasons());
		model.addAttribute("lostReasons", LostReason.values());
		return view;
	}

	LeadPage page(Caller caller, ReferralId id) {
		return page(caller, this.search.get(caller, id));
	}

	private LeadPage page(Caller caller, ViewedReferral viewed) {
		Referral referral = viewed.referral();
		Instant now = this.clock.instant();
		List<TimelineEntry> timeline = this.search.timeline(caller, referral.id());
		return new LeadPage(referral, viewed.favorite(),
				this.organizations.findLocation(referral.locationId()).orElse(null),
				this.organizations.nameOf(referral.organizationId()), TimeLeft.toRespond(referral, now),
				referral.missedResponseWindow(now),
				referral.isContactRequestUrgent(now, this.properties.contactRequestUrgency()),
				referral.isOwnedBy(caller.organizationId()), LeadPage.TimelineRow.of(timeline, referral.dealValue()));
	}

	/** Who made the change that got in the way of the caller's. */
	private String changedBy(Caller caller, ReferralId id, DomainException ex) {
		if (ex instanceof ReferralChangedException changed) {
			return changed.changedBy();
		}
		List<TimelineEntry> timeline = this.search.timeline(caller, id);
		return timeline.isEmpty() ? "" : timeline.get(timeline.size() - 1).actorName();
	}

	/** One form post about a referral, and where its answer goes. */
	record Submission(Caller caller, ReferralId id, BindingResult binding, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
	}

}
