package org.leadrelay.referral.web;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** How long a Received lead has left before it expires, in whole days and hours. */
record TimeLeft(long days, long hours) {

	/** The time left until {@code expiresAt}, or null once it has passed. */
	static @Nullable TimeLeft until(Instant expiresAt, Instant now) {
		Duration left = Duration.between(now, expiresAt);
		if (left.isNegative() || left.isZero()) {
			return null;
		}
		return new TimeLeft(left.toDays(), left.toHoursPart());
	}

	/** Less than a day: worth a warning colour. */
	public boolean urgent() {
		return this.days == 0;
	}

}
