package org.leadrelay.referral;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.OrganizationId;

/**
 * Something that happened to an invited organization's record of a deal, told to the
 * organization that invited it (the Referrals API's related referrals). Apart from
 * {@link ReferralEvent}, which always concerns the owner of the record it names.
 */
public sealed interface EngagementEvent {

	UUID engagementId();

	/** The invited organization's record. */
	ReferralId referralId();

	/** The invited organization. */
	OrganizationId organizationId();

	/** Who invited it, and its own record of the deal: the one to tell. */
	Inviter inviter();

	Instant occurredAt();

	/** As {@link ReferralEvent#eventId()}: every copy of the event has the same id. */
	default UUID eventId() {
		return UUID.nameUUIDFromBytes((getClass().getSimpleName() + "|" + referralId() + "|" + occurredAt())
			.getBytes(StandardCharsets.UTF_8));
	}

	/** The invitation arrived: the invited organization has a record of the deal now. */
	record RelatedReferralCreated(UUID engagementId, ReferralId referralId, OrganizationId organizationId,
			Inviter inviter, DealType dealType, Instant occurredAt) implements EngagementEvent {
	}

	/**
	 * The invited organization answered (accepted, declined), let the invitation expire,
	 * or moved its deal on: its stage now, and the reason of a decline or loss.
	 */
	record RelatedReferralUpdated(UUID engagementId, ReferralId referralId, OrganizationId organizationId,
			Inviter inviter, Substatus substatus, @Nullable DealStage stage, @Nullable String reason,
			Instant occurredAt) implements EngagementEvent {
	}

}
