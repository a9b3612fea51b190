package org.leadrelay.referral;

import java.util.List;

/**
 * The expirations of one expiry sweep batch, published as one event: the outbox then
 * stores one publication per listener and batch rather than per referral, which is what
 * lets a sweep of a few hundred thousand due referrals finish in seconds. Listeners work
 * per batch too (a few queries, one insert of notices or deliveries, one mail per
 * recipient), and stay idempotent per {@link ReferralEvent.ReferralExpired#eventId()}, so
 * a retried batch adds nothing.
 */
public record ReferralsExpired(List<ReferralEvent.ReferralExpired> expirations) {

	public ReferralsExpired {
		expirations = List.copyOf(expirations);
	}

}
