package org.leadrelay.notification;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.OrganizationKind;

/**
 * What a notification is about. Users choose per kind whether they also want it by email.
 */
public enum NotificationKind {

	/** A new referral arrived at one of the partner's locations. */
	NEW_REFERRAL(OrganizationKind.PARTNER),

	/** A new referral whose customer asked to be contacted: the customer is waiting. */
	CONTACT_REQUEST(OrganizationKind.PARTNER),

	/** A Received referral expires soon. */
	EXPIRY_REMINDER(OrganizationKind.PARTNER),

	REFERRAL_DECLINED(OrganizationKind.VENDOR),

	REFERRAL_EXPIRED(OrganizationKind.VENDOR),

	REFERRAL_WON(OrganizationKind.VENDOR),

	REFERRAL_LOST(OrganizationKind.VENDOR),

	/** A customer's inquiry arrived: the customer is told where to follow it. */
	INQUIRY_CONFIRMATION(null);

	/** Whose people receive this kind; null for mails to customers only. */
	private final @Nullable OrganizationKind recipients;

	NotificationKind(@Nullable OrganizationKind recipients) {
		this.recipients = recipients;
	}

	/** The kinds that people of an organization of the given kind receive. */
	public static List<NotificationKind> receivedBy(OrganizationKind organization) {
		return Arrays.stream(values()).filter(kind -> kind.recipients == organization).toList();
	}

}
