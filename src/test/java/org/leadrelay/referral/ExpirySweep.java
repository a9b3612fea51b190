package org.leadrelay.referral;

/**
 * Lets tests outside this package run the expiry sweep now, instead of waiting for its
 * schedule. Imported by {@code IntegrationTest}.
 */
public class ExpirySweep {

	private final ReferralExpiry expiry;

	ExpirySweep(ReferralExpiry expiry) {
		this.expiry = expiry;
	}

	public int run() {
		return this.expiry.sweep();
	}

}
