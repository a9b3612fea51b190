package org.leadrelay.referral;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.LeadFigures.WeeklyMedian;
import org.leadrelay.referral.ReferralAnalyticsRepository.Summary;
import org.leadrelay.referral.ReferralAnalyticsRollupRepository.BucketCount;
import org.leadrelay.referral.ReferralAnalyticsRollupRepository.Period;
import org.leadrelay.referral.ReferralAnalyticsRollupRepository.Position;
import org.leadrelay.shared.OrganizationId;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A program's figures from the daily roll-ups: counts and values summed, medians found
 * exactly by locating the middle answers' buckets in the roll-up and reading only those
 * buckets' referrals. Serves whole days (UTC) only, as the insights page asks for.
 */
@Component
class ReferralAnalyticsRollup {

	/**
	 * Cells a fold recomputes per transaction, so that a first build commits as it goes.
	 */
	static final int CELLS_PER_FOLD = 31;

	private final ReferralAnalyticsRollupRepository rollup;

	ReferralAnalyticsRollup(ReferralAnalyticsRollupRepository rollup) {
		this.rollup = rollup;
	}

	/**
	 * Folds in what changed since the last fold, so that the figures read next are those
	 * a recount would give.
	 * @return how many cells were recomputed
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public int catchUp(int limit) {
		return this.rollup.anyStale() ? this.rollup.fold(limit) : 0;
	}

	/** Whether the criteria are whole days, the roll-up's grain. */
	static boolean covers(FigureCriteria criteria) {
		return midnight(criteria.from()) && midnight(criteria.to());
	}

	Period period(OrganizationId vendor, FigureCriteria criteria) {
		return new Period(vendor, day(criteria.from()), day(criteria.to()), criteria.qualification());
	}

	OrganizationId vendorOf(OrganizationId partner) {
		return this.rollup.vendorOf(partner);
	}

	Summary summary(Period period, FigureCriteria criteria) {
		Summary summary = new Summary();
		this.rollup.counts(period, summary);
		Map<@Nullable LocalDate, List<BucketCount>> groups = new LinkedHashMap<>();
		for (BucketCount count : this.rollup.buckets(period)) {
			groups.computeIfAbsent(count.week(), week -> new ArrayList<>()).add(count);
		}
		List<Median> medians = new ArrayList<>();
		groups.forEach((week, buckets) -> medians
			.add(new Median(week, buckets, week == null ? criteria.from() : later(start(week), criteria.from()),
					week == null ? criteria.to() : earlier(start(week.plusWeeks(1)), criteria.to()))));
		resolve(period, medians);
		for (Median median : medians) {
			if (median.week == null) {
				summary.median = median.duration();
			}
			else if (median.duration() != null) {
				summary.trend.add(new WeeklyMedian(median.week, median.duration()));
			}
		}
		return summary;
	}

	@Nullable Duration median(Period period, FigureCriteria criteria) {
		List<BucketCount> whole = this.rollup.buckets(period).stream().filter(count -> count.week() == null).toList();
		Median median = new Median(null, whole, criteria.from(), criteria.to());
		resolve(period, List.of(median));
		return median.duration();
	}

	List<LeadFigures.CurrencyPipeline> pipeline(Period period) {
		return this.rollup.pipeline(period);
	}

	List<LeadFigures.DeclinedKeyword> declinedKeywords(Period period, int minDeclined, int limit) {
		return this.rollup.declinedKeywords(period, minDeclined, limit);
	}

	/** Reads, in one query, the answers no bucket's bounds already tell. */
	private void resolve(Period period, List<Median> medians) {
		List<Position> positions = new ArrayList<>();
		for (Median median : medians) {
			median.locate(positions);
		}
		List<Double> values = this.rollup.valuesAt(period.vendor(), period.qualification(), positions);
		int next = 0;
		for (Median median : medians) {
			next = median.fill(values, next);
		}
	}

	private static boolean midnight(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT);
	}

	private static LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant start(LocalDate day) {
		return day.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant earlier(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	/**
	 * The median of one group's answers as {@code percentile_cont(0.5)} computes it: the
	 * middle answer, or halfway between the two middle ones.
	 */
	private static final class Median {

		final @Nullable LocalDate week;

		private final List<BucketCount> buckets;

		private final Instant from;

		private final Instant to;

		private final long[] ranks;

		private final double[] values = new double[2];

		private final boolean[] known = new boolean[2];

		private final Position[] positions = new Position[2];

		Median(@Nullable LocalDate week, List<BucketCount> buckets, Instant from, Instant to) {
			this.week = week;
			this.buckets = buckets;
			this.from = from;
			this.to = to;
			long answered = buckets.stream().mapToLong(BucketCount::answered).sum();
			this.ranks = answered == 0 ? new long[0] : new long[] { (answered - 1) / 2, answered / 2 };
		}

		void locate(List<Position> wanted) {
			for (int i = 0; i < this.ranks.length; i++) {
				long before = 0;
				for (BucketCount bucket : this.buckets) {
					if (this.ranks[i] < before + bucket.answered()) {
						if (bucket.fastest() == bucket.slowest()) {
							this.values[i] = bucket.fastest();
							this.known[i] = true;
						}
						else if (i == 1 && this.positions[0] != null && this.ranks[1] == this.ranks[0]) {
							this.positions[1] = this.positions[0];
						}
						else {
							this.positions[i] = new Position(bucket.bucket(), this.from, this.to,
									this.ranks[i] - before);
							wanted.add(this.positions[i]);
						}
						break;
					}
					before += bucket.answered();
				}
			}
		}

		int fill(List<Double> values, int next) {
			for (int i = 0; i < this.ranks.length; i++) {
				if (!this.known[i]) {
					this.values[i] = (i == 1 && this.positions[1] == this.positions[0]) ? this.values[0]
							: values.get(next++);
				}
			}
			return next;
		}

		@Nullable Duration duration() {
			if (this.ranks.length == 0) {
				return null;
			}
			// as PostgreSQL interpolates: lo + (fraction * (hi - lo))
			double seconds = this.ranks[0] == this.ranks[1] ? this.values[0]
					: this.values[0] + (0.5 * (this.values[1] - this.values[0]));
			return Duration.ofMillis(new BigDecimal(Double.toString(seconds)).movePointRight(3).longValue());
		}

	}

}
