package org.leadrelay.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.leadrelay.referral.ReferralId;
import org.leadrelay.shared.OrganizationId;

/**
 * A planned reminder came due: published in the transaction that marks it sent, so the
 * event publication registry carries it to the mailer like any referral event.
 *
 * @param leadTime how long before expiry the reminder was planned
 */
record ExpiryReminderDue(ReferralId referralId, OrganizationId organizationId, Duration leadTime) {

	/** The same for every copy of this reminder, for de-duplication. */
	UUID eventId() {
		return UUID.nameUUIDFromBytes(
				("ExpiryReminderDue|" + this.referralId + "|" + this.leadTime).getBytes(StandardCharsets.UTF_8));
	}

}
