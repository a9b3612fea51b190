package org.leadrelay.referral.web;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.Referral;

/** How long a Received lead has left before it expires, in whole days and hours. */
record TimeLeft(long days, long hours) {

	/**
	 * The time the lead has left to be answered, or null once it no longer awaits one.
	 */
	static @Nullable TimeLeft toRespond(Referral referral, Instant now) {
		Duration left = referral.responseTimeLeft(now);
		return left == null ? null : new TimeLeft(left.toDays(), left.toHoursPart());
	}

	/** Less than a day: worth a warning colour. */
	public boolean urgent() {
		return this.days == 0;
	}

}
