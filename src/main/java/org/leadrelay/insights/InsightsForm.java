package org.leadrelay.insights;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.Qualification;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The insights page's filters, as query parameters: a period (a preset or custom dates,
 * both inclusive), and optionally a lead type and a location.
 */
record InsightsForm(@Nullable InsightsRange range,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to, @Nullable Qualification type,
		@Nullable UUID location) {

	public InsightsRange rangeOrDefault() {
		return this.range == null ? InsightsRange.THREE_MONTHS : this.range;
	}

}
