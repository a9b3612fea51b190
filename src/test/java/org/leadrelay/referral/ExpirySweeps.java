package org.leadrelay.referral;

import org.springframework.stereotype.Component;

/**
 * Runs the expiry sweep for tests outside this package, which move the clock instead of
 * waiting for the schedule.
 */
@Component
public class ExpirySweeps {

	private final ReferralExpiry expiry;

	ExpirySweeps(ReferralExpiry expiry) {
		this.expiry = expiry;
	}

	/**
	 * @return how many referrals expired
	 */
	public int sweep() {
		return this.expiry.sweep();
	}

}
