package org.leadrelay.insights;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.leadrelay.partner.Location;
import org.leadrelay.partner.Organizations;
import org.leadrelay.referral.LeadFigures;
import org.leadrelay.referral.Qualification;
import org.leadrelay.referral.ReferralAnalytics;
import org.leadrelay.shared.Caller;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ResponseStatusException;

/**
 * The insights page: a partner's figures over its own leads (a Referrals user's over the
 * leads it may see), or the vendor's over its program, for a period, lead type and
 * location, with tips drawn from them; and apart from the leads, the open co-sell deal
 * pipeline weighted by stage.
 */
@Controller
class InsightsController {

	private final ReferralAnalytics analytics;

	private final Organizations organizations;

	private final InsightsCharts charts;

	private final Clock clock;

	InsightsController(ReferralAnalytics analytics, Organizations organizations, InsightsCharts charts, Clock clock) {
		this.analytics = analytics;
		this.organizations = organizations;
		this.charts = charts;
		this.clock = clock;
	}

	@GetMapping("/insights")
	String insights(Caller caller, @ModelAttribute("form") InsightsForm form, BindingResult errors, Locale locale,
			Model model) {
		model.addAttribute("ranges", InsightsRange.values());
		model.addAttribute("types", Qualification.values());
		model.addAttribute("locations", locationsOf(caller));
		InsightsPeriod period = InsightsPeriod.of(form, LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC),
				errors);
		if (period == null || errors.hasErrors()) {
			return "insights/insights";
		}
		// the slowest responders come after the page (slowest.html): see overview()
		LeadFigures figures = this.analytics.overview(caller, period.criteria(form));
		List<WeekRow> weeks = WeekRow.of(period, figures.receivedPerWeek());
		model.addAttribute("period", period);
		model.addAttribute("figures", figures);
		model.addAttribute("weeks", weeks);
		model.addAttribute("chartData", this.charts.data(figures, weeks, locale));
		model.addAttribute("deals", this.analytics.dealPipeline(caller, period.criteria(form).location()));
		return "insights/insights";
	}

	/** The vendor's slowest-answering partners, which the page loads after itself. */
	@GetMapping("/insights/slowest")
	String slowestResponders(Caller caller, @ModelAttribute("form") InsightsForm form, BindingResult errors,
			Model model) {
		if (!caller.isVendor()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		InsightsPeriod period = InsightsPeriod.of(form, LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC),
				errors);
		model.addAttribute("responders", period == null || errors.hasErrors() ? List.of()
				: this.analytics.slowestResponders(caller, period.criteria(form)));
		return "insights/slowest";
	}

	/** A partner filters by its locations; the vendor's program has too many to list. */
	private List<Location> locationsOf(Caller caller) {
		return caller.isVendor() ? List.of() : this.organizations.visibleTo(caller).get(0).locations();
	}

}
