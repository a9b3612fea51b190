package org.leadrelay.insights;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.leadrelay.referral.LeadFigures.WeeklyCount;
import org.leadrelay.referral.Qualification;

/**
 * One week of the "leads received" chart and table: every week of the period is there,
 * those without leads with zeros.
 *
 * @param week the Monday the week starts on
 */
record WeekRow(LocalDate week, Map<Qualification, Long> counts) {

	static List<WeekRow> of(InsightsPeriod period, List<WeeklyCount> counts) {
		List<WeekRow> rows = new ArrayList<>();
		for (LocalDate week = period.first().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)); !week
			.isAfter(period.last()); week = week.plusWeeks(1)) {
			Map<Qualification, Long> byType = new EnumMap<>(Qualification.class);
			for (Qualification type : Qualification.values()) {
				byType.put(type, 0L);
			}
			rows.add(new WeekRow(week, byType));
		}
		for (WeeklyCount count : counts) {
			rows.stream()
				.filter(row -> row.week.equals(count.week()))
				.findFirst()
				.ifPresent(row -> row.counts.put(count.qualification(), count.count()));
		}
		return rows;
	}

	public long count(Qualification type) {
		return this.counts.get(type);
	}

	public long total() {
		return this.counts.values().stream().mapToLong(Long::longValue).sum();
	}

}
