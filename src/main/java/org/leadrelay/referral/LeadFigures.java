package org.leadrelay.referral;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.OrganizationId;

/**
 * What happened to the leads a caller may see that arrived in a period: the figures
 * behind the insights page, all computed by the database.
 *
 * @param receivedPerWeek leads received per week (Monday, UTC) and lead type
 * @param outcomes how many were received, accepted and how they ended
 * @param medianResponseTime median time to accept or decline; null if none was answered
 * @param responseTimeTrend the median response time of each week with answers
 * @param programMedianResponseTime the same median over every partner of the vendor's
 * program, for comparison; null if nobody answered
 * @param pipeline deal values per currency, never summed across currencies
 * @param expiredLeads the most recent leads that expired (at most {@link #LISTED})
 * @param declinedKeywords requirement tags that come with leads mostly declined
 * @param slowestResponders for a vendor: the partners with the slowest median answer
 */
public record LeadFigures(List<WeeklyCount> receivedPerWeek, Outcomes outcomes, @Nullable Duration medianResponseTime,
		List<WeeklyMedian> responseTimeTrend, @Nullable Duration programMedianResponseTime,
		List<CurrencyPipeline> pipeline, List<ExpiredLead> expiredLeads, List<DeclinedKeyword> declinedKeywords,
		List<Responder> slowestResponders) {

	/** How many expired leads, declined keywords and slow responders are listed. */
	public static final int LISTED = 5;

	public LeadFigures withSlowestResponders(List<Responder> responders) {
		return new LeadFigures(this.receivedPerWeek, this.outcomes, this.medianResponseTime, this.responseTimeTrend,
				this.programMedianResponseTime, this.pipeline, this.expiredLeads, this.declinedKeywords, responders);
	}

	public record WeeklyCount(LocalDate week, Qualification qualification, long count) {
	}

	/**
	 * @param accepted leads that were accepted at some point (so also those won or lost
	 * since)
	 * @param open leads still waiting for an answer
	 */
	public record Outcomes(long received, long accepted, long won, long lost, long declined, long expired, long open) {
	}

	public record WeeklyMedian(LocalDate week, Duration median) {
	}

	/**
	 * @param open the value of accepted leads still being worked
	 * @param won the value of leads won
	 */
	public record CurrencyPipeline(Currency currency, BigDecimal open, BigDecimal won) {
	}

	public record ExpiredLead(ReferralId id, @Nullable String name, String customerName, Instant expiredAt) {
	}

	/**
	 * A tag of the leads' requirements, in how many leads it came and how many were
	 * declined.
	 */
	public record DeclinedKeyword(String keyword, long declined, long received) {
	}

	/**
	 * @param expired leads it let expire
	 * @param answered leads it accepted or declined
	 */
	public record Responder(OrganizationId organizationId, String name, Duration medianResponseTime, long answered,
			long expired) {
	}

}
