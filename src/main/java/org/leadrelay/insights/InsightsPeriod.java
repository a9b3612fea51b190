package org.leadrelay.insights;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.LocationId;
import org.leadrelay.referral.FigureCriteria;

import org.springframework.validation.Errors;

/**
 * The days the insights cover, both inclusive, in UTC like the weeks of the charts.
 */
record InsightsPeriod(LocalDate first, LocalDate last) {

	/** Longer custom periods would only blur the weekly charts. */
	static final Period LONGEST = Period.ofYears(2);

	/**
	 * The period the form asks for, ending today for a preset; null with the reasons in
	 * {@code errors} when custom dates are missing, reversed, in the future or too far
	 * apart.
	 */
	static @Nullable InsightsPeriod of(InsightsForm form, LocalDate today, Errors errors) {
		InsightsRange range = form.rangeOrDefault();
		if (range != InsightsRange.CUSTOM) {
			return new InsightsPeriod(today.minusMonths(range.months()), today);
		}
		LocalDate from = form.from();
		LocalDate to = form.to();
		if (from == null && !errors.hasFieldErrors("from")) {
			errors.rejectValue("from", "insights.error.fromRequired");
		}
		if (to == null && !errors.hasFieldErrors("to")) {
			errors.rejectValue("to", "insights.error.toRequired");
		}
		if (from == null || to == null) {
			return null;
		}
		if (to.isAfter(today)) {
			errors.rejectValue("to", "insights.error.future");
		}
		else if (from.isAfter(to)) {
			errors.rejectValue("from", "insights.error.fromAfterTo");
		}
		else if (from.plus(LONGEST).isBefore(to)) {
			errors.rejectValue("to", "insights.error.tooLong");
		}
		return errors.hasErrors() ? null : new InsightsPeriod(from, to);
	}

	FigureCriteria criteria(InsightsForm form) {
		return new FigureCriteria(this.first.atStartOfDay(ZoneOffset.UTC).toInstant(),
				this.last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), form.type(),
				form.location() == null ? null : new LocationId(form.location()));
	}

}
