package org.leadrelay.notification;

import java.util.UUID;

import org.leadrelay.referral.ReferralId;

/**
 * A new lead held for a user's daily digest, with what the digest says about it.
 *
 * @param qualification the lead's {@code Qualification} name, which the mail words
 */
record LeadDigestItem(Recipient recipient, ReferralId referralId, UUID vendorOrganizationId, String customer,
		String location, String qualification) {
}
