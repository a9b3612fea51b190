package org.leadrelay.referral;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.LeadFigures.Responder;
import org.leadrelay.referral.LeadFigures.WeeklyMedian;
import org.leadrelay.referral.ReferralAnalyticsRepository.Summary;
import org.leadrelay.referral.ReferralAnalyticsRollupRepository.BucketCount;
import org.leadrelay.referral.ReferralAnalyticsRollupRepository.Folded;
import org.leadrelay.referral.ReferralAnalyticsRollupRepository.Period;
import org.leadrelay.referral.ReferralAnalyticsRollupRepository.Position;
import org.leadrelay.referral.ResponderRollupRepository.PeriodStart;
import org.leadrelay.shared.OrganizationId;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A program's figures from the daily roll-ups: counts and values summed, medians found
 * exactly by locating the middle answers' buckets in the roll-up and reading only those
 * buckets' referrals. Serves whole days (UTC) only, as the insights page asks for. The
 * slowest responders of the periods the page offers come from their own roll-up, which
 * the same folds keep current.
 */
@Component
class ReferralAnalyticsRollup {

	/**
	 * Cells a fold recomputes per transaction, so that a first build commits as it goes.
	 */
	static final int CELLS_PER_FOLD = 31;

	private final ReferralAnalyticsRollupRepository rollup;

	private final ResponderRollupRepository responders;

	private final List<Integer> lookbackMonths;

	private final Clock clock;

	ReferralAnalyticsRollup(ReferralAnalyticsRollupRepository rollup, ResponderRollupRepository responders,
			ReferralProperties properties, Clock clock) {
		this.rollup = rollup;
		this.responders = responders;
		this.lookbackMonths = properties.responderLookbackMonths();
		this.clock = clock;
	}

	/**
	 * Folds in what changed since the last fold, so that the figures read next are those
	 * a recount would give: up to {@code limit} days, the partners whose leads changed on
	 * them, and the responders' periods whose first day moved since (a new day began).
	 * @return how many days and periods were recomputed
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public int catchUp(int limit) {
		int cells = 0;
		if (this.rollup.anyStale()) {
			Folded folded = this.rollup.fold(limit);
			this.responders.recount(folded.marks());
			this.responders.recountExpired();
			cells = folded.cells();
		}
		return cells + moveResponderPeriods();
	}

	private int moveResponderPeriods() {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		if (this.responders.periods(today, this.lookbackMonths).stream().noneMatch(PeriodStart::moved)) {
			return 0;
		}
		this.rollup.lock();
		List<PeriodStart> moved = this.responders.periods(today, this.lookbackMonths)
			.stream()
			.filter(PeriodStart::moved)
			.toList();
		moved.forEach(this.responders::move);
		return moved.size();
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

	/**
	 * The slowest responders of a period the roll-up keeps (one that ends today and
	 * starts a configured number of months before), or empty for any other.
	 */
	Optional<List<Responder>> slowestResponders(Period period, int limit) {
		return this.responders.slowest(period, limit);
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
