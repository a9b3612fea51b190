package org.leadrelay.referral;

import java.util.List;

/**
 * The expirations of one expiry sweep batch, published as one event: the outbox then
 * stores one publication per listener and batch rather than per referral, which is what
 * lets a sweep of a few hundred thousand due referrals finish in seconds. Listeners
 * handle each {@link ReferralEvent.ReferralExpired} as they would a single event; a
 * retried batch is harmless because they are idempotent per event id.
 */
public record ReferralsExpired(List<ReferralEvent.ReferralExpired> expirations) {

	public ReferralsExpired {
		expirations = List.copyOf(expirations);
	}

}
