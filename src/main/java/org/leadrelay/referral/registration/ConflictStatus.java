package org.leadrelay.referral.registration;

import java.util.Locale;

/**
 * Where a channel conflict stands: flagged and waiting for the vendor, resolved in favour
 * of one of the two deals, or dismissed (both stand).
 */
public enum ConflictStatus {

	Open, Resolved, Dismissed;

	/** The key of the status's name in the message bundles. */
	public String messageKey() {
		return "conflict.status." + name().toLowerCase(Locale.ROOT);
	}

}
