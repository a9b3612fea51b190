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

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The insights page: a partner's figures over its own leads (a Referrals user's over the
 * leads it may see), or the vendor's over its program, for a period, lead type and
 * location, with tips drawn from them.
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
		LeadFigures figures = this.analytics.figures(caller, period.criteria(form));
		List<WeekRow> weeks = WeekRow.of(period, figures.receivedPerWeek());
		model.addAttribute("period", period);
		model.addAttribute("figures", figures);
		model.addAttribute("weeks", weeks);
		model.addAttribute("chartData", this.charts.data(figures, weeks, locale));
		return "insights/insights";
	}

	/** A partner filters by its locations; the vendor's program has too many to list. */
	private List<Location> locationsOf(Caller caller) {
		return caller.isVendor() ? List.of() : this.organizations.visibleTo(caller).get(0).locations();
	}

}
