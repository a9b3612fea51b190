package org.leadrelay.referral;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.LocationId;
import org.leadrelay.shared.Text;

/**
 * What the sender states about a new referral.
 *
 * @param name a working title for the deal, if the sender has one
 * @param notes what the customer is looking for
 * @param estimatedValue the sender's estimate of the deal
 * @param contactRequested the customer asked to be contacted
 * @param inviteNotes the sender's note to the partner
 */
public record NewReferral(LocationId target, Qualification qualification, ReferralType type, @Nullable String name,
		@Nullable String campaignId, Customer customer, Consent consent, Requirements requirements,
		@Nullable String notes, @Nullable Money estimatedValue, @Nullable Instant closingAt, boolean contactRequested,
		@Nullable String inviteNotes) {

	public NewReferral {
		name = Text.optional("name", name, 200);
		campaignId = Text.optional("campaignId", campaignId, 100);
		notes = Text.optional("details/notes", notes, DealDetails.MAX_NOTES);
		inviteNotes = Text.optional("inviteContext/notes", inviteNotes, DealDetails.MAX_NOTES);
	}

}
