package org.leadrelay.notification;

import java.time.Instant;
import java.util.UUID;

import org.leadrelay.referral.ReferralId;

/**
 * A mail LeadRelay sent, or kept because no SMTP server is configured.
 *
 * @param kept whether it was only kept (not sent)
 */
public record SentMail(UUID id, String recipient, String subject, String textBody, String htmlBody,
		NotificationKind kind, String locale, ReferralId referralId, boolean kept, Instant sentAt) {

}
