package org.leadrelay.referral;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.LocationId;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.Text;

/**
 * What a partner states about a deal it creates on one of its locations. The deal's
 * details (name, value, estimated close date, notes, CRM and campaign ids), at least one
 * person on the deal team and at least one solution (a product of the vendor's catalogue
 * or the partner's own) are required.
 *
 * @param engagementId an engagement of the partner's that the deal joins, or null for a
 * new one
 * @param partnerTarget the other partner's location a partner-to-partner deal invites
 * @param inviteNotes the note to the invited organization
 * @param attributes what the Referrals API carries beyond the workflow; for a co-sell
 * deal its assistance request code
 */
public record NewDeal(LocationId location, @Nullable UUID engagementId, DealType type, DealDetails details,
		Customer customer, Consent consent, Requirements requirements, List<TeamMember> team,
		@Nullable LocationId partnerTarget, @Nullable String inviteNotes, ReferralAttributes attributes) {

	public NewDeal {
		if (team.isEmpty()) {
			throw DomainException.invalid("team", "A deal needs at least one deal-team member");
		}
		if (team.size() > Referral.MAX_TEAM) {
			throw DomainException.invalid("team", "A deal team has at most " + Referral.MAX_TEAM + " members");
		}
		team = List.copyOf(team);
		if (requirements.products().isEmpty() && requirements.solutions().isEmpty()) {
			throw DomainException.invalid("details/requirements/solutions",
					"A deal needs at least one solution: a product of the vendor's catalogue "
							+ "(details/requirements/products) or your own (details/requirements/solutions)");
		}
		if ((type == DealType.PartnerToPartner) != (partnerTarget != null)) {
			throw DomainException.invalid("target",
					type == DealType.PartnerToPartner
							? "A partner-to-partner deal names the other partner's location as its target"
							: "Only a partner-to-partner deal targets a partner location");
		}
		if (type == DealType.CoSell) {
			AssistanceRequestCode.require(attributes.assistanceRequestCode());
		}
		else if (attributes.assistanceRequestCode() != null && !"Unknown".equals(attributes.assistanceRequestCode())) {
			throw DomainException.invalid(AssistanceRequestCode.TARGET,
					"Only a co-sell deal asks the vendor for help; this one is " + type);
		}
		inviteNotes = Text.optional("inviteContext/notes", inviteNotes, DealDetails.MAX_NOTES);
		if (inviteNotes != null && !type.invites()) {
			throw DomainException.invalid("inviteContext/notes",
					"inviteContext goes with a deal that invites someone (co-sell or partner-to-partner)");
		}
	}

}
