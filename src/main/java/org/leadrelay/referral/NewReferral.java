package org.leadrelay.referral;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.LocationId;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.Text;

/**
 * What the sender states about a new referral.
 *
 * @param name a working title for the deal, if the sender has one
 * @param notes what the customer is looking for
 * @param estimatedValue the sender's estimate of the deal
 * @param contactRequested the customer asked to be contacted
 * @param inviteNotes the sender's note to the partner
 * @param team the people working the deal from the start
 * @param externalReferenceId the sender's id of the deal in its own CRM
 * @param attributes what the Referrals API carries beyond LeadRelay's workflow
 */
public record NewReferral(LocationId target, Qualification qualification, ReferralType type, @Nullable String name,
		@Nullable String campaignId, Customer customer, Consent consent, Requirements requirements,
		@Nullable String notes, @Nullable Money estimatedValue, @Nullable Instant closingAt, boolean contactRequested,
		@Nullable String inviteNotes, List<TeamMember> team, @Nullable String externalReferenceId,
		ReferralAttributes attributes) {

	public NewReferral {
		name = Text.optional("name", name, 200);
		campaignId = Text.optional("campaignId", campaignId, 100);
		notes = Text.optional("details/notes", notes, DealDetails.MAX_NOTES);
		inviteNotes = Text.optional("inviteContext/notes", inviteNotes, DealDetails.MAX_NOTES);
		if (team.size() > Referral.MAX_TEAM) {
			throw DomainException.invalid("team", "A deal team has at most " + Referral.MAX_TEAM + " members");
		}
		team = List.copyOf(team);
		externalReferenceId = Text.optional("externalReferenceId", externalReferenceId, 100);
	}

	/**
	 * A referral as LeadRelay's own forms send it: no team, CRM id or API attributes yet.
	 */
	public NewReferral(LocationId target, Qualification qualification, ReferralType type, @Nullable String name,
			@Nullable String campaignId, Customer customer, Consent consent, Requirements requirements,
			@Nullable String notes, @Nullable Money estimatedValue, @Nullable Instant closingAt,
			boolean contactRequested, @Nullable String inviteNotes) {
		this(target, qualification, type, name, campaignId, customer, consent, requirements, notes, estimatedValue,
				closingAt, contactRequested, inviteNotes, List.of(), null, ReferralAttributes.NONE);
	}

}
