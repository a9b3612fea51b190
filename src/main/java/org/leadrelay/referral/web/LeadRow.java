package org.leadrelay.referral.web;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.Substatus;
import org.leadrelay.referral.ViewedReferral;

/**
 * A lead as a row of the list.
 *
 * @param timeLeft for a Received lead, the time left to respond
 * @param contactUrgent the customer asked to be contacted, recently enough to be urgent
 */
record LeadRow(Referral referral, boolean favorite, @Nullable TimeLeft timeLeft, boolean contactUrgent) {

	static LeadRow of(ViewedReferral viewed, Instant now, Duration contactUrgency) {
		Referral referral = viewed.referral();
		return new LeadRow(referral, viewed.favorite(),
				referral.substatus() == Substatus.Received ? TimeLeft.until(referral.expiresAt(), now) : null,
				referral.isContactRequestUrgent(now, contactUrgency));
	}

}
