package org.leadrelay.marketplace;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.leadrelay.referral.ReferralId;
import org.leadrelay.shared.OrganizationId;

/**
 * A customer sent an inquiry through the marketplace; they are to be told where to follow
 * it. The status path holds the private token that opens the status page: the event is
 * the only place it exists in clear, and only until it is handled (completed publications
 * are deleted).
 *
 * @param statusPath the inquiry's status page, relative to LeadRelay's address
 * @param language the language of the page the customer wrote in
 */
public record InquiryReceived(ReferralId referralId, OrganizationId organizationId, String statusPath, String language,
		Instant occurredAt) {

	/** One event per inquiry; listeners de-duplicate by it. */
	public UUID eventId() {
		return UUID.nameUUIDFromBytes(("InquiryReceived|" + this.referralId).getBytes(StandardCharsets.UTF_8));
	}

	public Locale locale() {
		return Locale.forLanguageTag(this.language);
	}

	@Override
	public String toString() {
		return "InquiryReceived[referralId=" + this.referralId + ", statusPath=***]";
	}

}
