package org.leadrelay.referral.registration;

import java.util.Locale;

/**
 * Where a deal registration stands: waiting for the vendor, or decided. The names are the
 * Referrals API's {@code registrationStatus}.
 */
public enum RegistrationStatus {

	Pending, Approved, Rejected;

	/** The key of the status's name in the message bundles. */
	public String messageKey() {
		return "registration.status." + name().toLowerCase(Locale.ROOT);
	}

}
