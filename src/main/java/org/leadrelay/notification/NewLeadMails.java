package org.leadrelay.notification;

/**
 * How a user chose to get new-lead mails. A user who never chose gets the digest once
 * more than {@link NotificationPreferences#DIGEST_ABOVE} new leads reached them in 24
 * hours.
 */
public enum NewLeadMails {

	/** A mail for each new lead as it arrives. */
	EACH,

	/** One mail a day, at 08:00 in the user's time zone, listing the new leads. */
	DIGEST

}
