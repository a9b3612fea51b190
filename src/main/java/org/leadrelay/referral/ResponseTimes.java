package org.leadrelay.referral;

/**
 * How a partner's response time is measured on {@code referral r}, the same wherever it
 * is shown or scored: a lead is answered when accepted (timed at its acceptance) or
 * declined (timed at its closing); open and expired leads have no response time.
 */
final class ResponseTimes {

	static final String ANSWERED = "(r.accepted_at is not null or r.substatus = 'Declined')";

	static final String MEDIAN_SECONDS = "percentile_cont(0.5) within group (order by "
			+ "extract(epoch from coalesce(r.accepted_at, r.closed_at) - r.created_at)) filter (where " + ANSWERED
			+ ")";

	private ResponseTimes() {
	}

}
