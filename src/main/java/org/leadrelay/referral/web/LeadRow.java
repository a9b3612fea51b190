package org.leadrelay.referral.web;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ViewedReferral;

/**
 * A lead as a row of the list.
 *
 * @param timeLeft for a lead awaiting a response, the time left to respond
 * @param contactUrgent the customer asked to be contacted, recently enough to be urgent
 */
record LeadRow(Referral referral, boolean favorite, @Nullable TimeLeft timeLeft, boolean contactUrgent) {

	static LeadRow of(ViewedReferral viewed, Instant now, Duration contactUrgency) {
		Referral referral = viewed.referral();
		return new LeadRow(referral, viewed.favorite(), TimeLeft.toRespond(referral, now),
				referral.isContactRequestUrgent(now, contactUrgency));
	}

}
