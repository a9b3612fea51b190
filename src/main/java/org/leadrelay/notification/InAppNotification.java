package org.leadrelay.notification;

import java.time.Instant;
import java.util.UUID;

import org.leadrelay.referral.ReferralId;

/**
 * A notification in a user's list.
 *
 * @param title what happened, in the reader's language
 */
public record InAppNotification(UUID id, NotificationKind kind, ReferralId referralId, String title, Instant createdAt,
		boolean read) {

}
