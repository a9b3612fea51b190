package org.leadrelay.referral;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.leadrelay.partner.LocationId;
import org.leadrelay.referral.EngagementEvent.RelatedReferralCreated;
import org.leadrelay.referral.ReferralEvent.DealCreated;
import org.leadrelay.referral.ReferralEvent.ReferralReceived;
import org.leadrelay.referral.TimelineEntry.FieldChange;
import org.leadrelay.shared.OrganizationId;

/**
 * Builds the records a partner's deal starts with: the partner's own, and the record of
 * each organization it invites. Transitions after that are the {@link Referral}'s.
 */
final class DealRecords {

	private DealRecords() {
	}

	/**
	 * A deal a partner creates on one of its locations: accepted at once, at the first
	 * sales stage, in a new engagement or one the partner takes part in.
	 */
	static Referral create(ReferralId id, NewDeal spec, OrganizationId partner, OrganizationId vendor, Actor creator,
			Instant now) {
		DealDetails details = spec.details();
		ReferralAttributes attributes = spec.attributes()
			.withSalesStage(DealStage.Accepted.salesStage())
			.withConsentToShareWithVendor(spec.type() == DealType.PartnerToPartner
					? spec.attributes().consentToShareReferralWithMicrosoftSellers()
					: Boolean.valueOf(spec.type() != DealType.Private));
		Referral deal = new Referral(new ReferralState(id, partner, vendor, spec.location(),
				spec.engagementId() == null ? UUID.randomUUID() : spec.engagementId(), Qualification.SalesQualified,
				spec.type().referralType(), spec.consent(), spec.requirements(), spec.inviteNotes(), null, creator.id(),
				creator.name(), now, now, null, spec.customer(), details.name(), details.externalReferenceId(),
				details.campaignId(), Substatus.Accepted, null, details.notes(), details.value(), details.closingAt(),
				spec.team(), now, null, now, 0, attributes, Engagement.deal(spec.type()), DealStage.Accepted));
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		changes.put("substatus", new FieldChange(null, Substatus.Accepted.name()));
		changes.put("dealType", new FieldChange(null, spec.type().name()));
		changes.put("salesStage", new FieldChange(null, DealStage.Accepted.name()));
		deal.opened(creator, now, "created", changes,
				new DealCreated(id, partner, spec.location(), spec.type(), creator.name(), now));
		return deal;
	}

	/**
	 * The invited organization's record of a deal, Received for the response window. It
	 * carries what the inviter shares (deal name, value and date, customer, solutions,
	 * invitation), never the inviter's notes, team or ids; the customer's contacts only
	 * when the customer agreed to their being shared.
	 * @param location the invited partner's location, or for the vendor the deal's own
	 */
	static Referral invitation(Referral deal, ReferralId id, OrganizationId invitee, LocationId location, Actor inviter,
			Instant now, Duration responseWindow) {
		DealType type = deal.engagement().dealType();
		if (deal.engagement().origin() != Origin.Deal || type == null || !type.invites()) {
			throw new IllegalStateException("Deal " + deal.id() + " invites nobody");
		}
		Customer shared = deal.customer();
		Customer customer = deal.consent().consentToShareInfoWithOthers() ? shared
				: new Customer(shared.name(), shared.address(), shared.size(), List.of());
		String assistance = deal.attributes().assistanceRequestCode();
		ReferralAttributes attributes = assistance == null ? ReferralAttributes.NONE
				: ReferralAttributes.NONE.with(Map.of("inviteContext/assistanceRequestCode", assistance));
		Inviter from = new Inviter(deal.organizationId(), deal.id());
		Referral invitation = new Referral(new ReferralState(id, invitee, deal.vendorOrganizationId(), location,
				deal.engagementId(), deal.qualification(), deal.type(), deal.consent(), deal.requirements(),
				deal.inviteNotes(), null, inviter.id(), inviter.name(), now, now.plus(responseWindow), null, customer,
				deal.name(), null, null, Substatus.Received, null, null, deal.dealValue(), deal.closingAt(), List.of(),
				null, null, now, 0, attributes, Engagement.invitation(type, from), null));
		boolean toPartner = !invitee.equals(deal.vendorOrganizationId());
		// the vendor's record is not a lead for a partner location: no new-lead notices
		ReferralEvent received = toPartner ? new ReferralReceived(id, invitee, deal.vendorOrganizationId(), location,
				deal.qualification(), false, now) : null;
		invitation.opened(inviter, now, "invited",
				Map.of("substatus", new FieldChange(null, Substatus.Received.name())), received,
				new RelatedReferralCreated(deal.engagementId(), id, invitee, from, type, now));
		return invitation;
	}

}
