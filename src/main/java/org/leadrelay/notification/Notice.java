package org.leadrelay.notification;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.Location;
import org.leadrelay.referral.Referral;

/**
 * One thing to tell a group of people about a referral.
 *
 * @param eventId what happened; each recipient hears about it once
 * @param location the referral's partner location, if it still exists
 */
record Notice(UUID eventId, NotificationKind kind, Audience audience, Referral referral, @Nullable Location location,
		NoticeDetails details, List<Recipient> recipients) {

	Notice {
		recipients = List.copyOf(recipients);
	}

}
