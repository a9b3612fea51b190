package org.leadrelay.routing;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.OrganizationId;

/**
 * How fast and how reliably a partner answered its leads of the last 90 days, and the
 * score (0 to 1) that sums it up:
 *
 * <pre>
 * speed       = 1 / (1 + median response time in hours / 24)      1 at once, 0.5 after a day
 * reliability = answered / (answered + expired)                   0 if all expired
 * raw         = (speed + reliability) / 2
 * score       = (n * raw + 5 * 0.5) / (n + 5),  n = answered + expired
 * </pre>
 *
 * The last step pulls a partner with few leads towards the neutral 0.5, so that one quick
 * answer does not make a champion nor one expired lead a failure; a partner without
 * history scores exactly 0.5.
 *
 * @param answered leads accepted or declined
 * @param expired leads left to expire
 * @param medianResponseTime null if it answered none
 */
public record ResponsivenessScore(OrganizationId organizationId, int answered, int expired,
		@Nullable Duration medianResponseTime, double score) {

	public static final double NEUTRAL = 0.5;

	/** How many leads of history weigh as much as the neutral prior. */
	static final int PRIOR_WEIGHT = 5;

	static ResponsivenessScore neutral(OrganizationId organizationId) {
		return new ResponsivenessScore(organizationId, 0, 0, null, NEUTRAL);
	}

	static ResponsivenessScore of(OrganizationId organizationId, int answered, int expired,
			@Nullable Duration medianResponseTime) {
		int leads = answered + expired;
		if (leads == 0) {
			return neutral(organizationId);
		}
		double speed = medianResponseTime == null ? 0 : 1 / (1 + medianResponseTime.toSeconds() / 3600.0 / 24);
		double reliability = (double) answered / leads;
		double raw = (speed + reliability) / 2;
		double score = (leads * raw + PRIOR_WEIGHT * NEUTRAL) / (leads + PRIOR_WEIGHT);
		return new ResponsivenessScore(organizationId, answered, expired, medianResponseTime, score);
	}

	/** Whether the partner has any history in the period. */
	public boolean hasHistory() {
		return this.answered + this.expired > 0;
	}

	/** The share of leads that expired, 0 to 1. */
	public double expiredShare() {
		return hasHistory() ? (double) this.expired / (this.answered + this.expired) : 0;
	}

}
