package org.leadrelay.referral;

import java.util.List;

/**
 * The leads of one import chunk, or those the vendor sent at about the same time
 * ({@link LeadAnnouncements}), published as one event, as {@link ReferralsExpired} is for
 * a sweep batch: one publication per listener and chunk rather than per lead, and
 * listeners that work per chunk (one insert of notices, of reminders or of deliveries;
 * one mail per recipient). They stay idempotent per
 * {@link ReferralEvent.ReferralReceived#eventId()}, so a retried chunk adds nothing.
 */
public record ReferralsReceived(List<ReferralEvent.ReferralReceived> received) {

	public ReferralsReceived {
		received = List.copyOf(received);
	}

}
