package org.leadrelay.notification;

import java.util.Locale;

/**
 * Whom a notice speaks to, which decides its mail template and how much it may tell: the
 * customer never sees what partners and the vendor say about the lead.
 */
enum Audience {

	/**
	 * The partner that received the referral: its location's alert addresses and users.
	 */
	PARTNER,

	/** The vendor person (or, for API clients, the vendor admins) who sent it. */
	SENDER,

	/** The customer behind a marketplace inquiry. */
	CUSTOMER,

	/**
	 * The organization invited to another's deal: a partner's location, or the vendor's
	 * admins and sellers for a co-sell deal.
	 */
	INVITED,

	/** The partner whose deal it is, told how the organization it invited answers. */
	INVITER;

	/** The mail template and message prefix. */
	String key() {
		return name().toLowerCase(Locale.ROOT);
	}

}
