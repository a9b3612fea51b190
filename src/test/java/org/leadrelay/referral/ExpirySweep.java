package org.leadrelay.referral;

import org.springframework.stereotype.Component;

/**
 * Lets tests outside this package run the expiry sweep now, instead of waiting for its
 * schedule.
 */
@Component
public class ExpirySweep {

	private final ReferralExpiry expiry;

	ExpirySweep(ReferralExpiry expiry) {
		this.expiry = expiry;
	}

	public int run() {
		return this.expiry.sweep();
	}

}
