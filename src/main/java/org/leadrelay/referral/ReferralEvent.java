package org.leadrelay.referral;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.LocationId;
import org.leadrelay.shared.OrganizationId;

/**
 * Something that happened to a referral. Published in the transaction of the change, so
 * the event publication registry (the outbox) keeps every event a listener has not
 * handled yet.
 */
public sealed interface ReferralEvent {

	ReferralId referralId();

	/** The partner organization that owns the referral. */
	OrganizationId organizationId();

	Instant occurredAt();

	/**
	 * Identifies this event so that listeners can de-duplicate it. Derived from its kind,
	 * referral and time, every copy of it (a resubmission, a read on another node) has
	 * the same id. Events of one kind for one referral at the same instant come from one
	 * request and describe one change.
	 */
	default UUID eventId() {
		return UUID.nameUUIDFromBytes((getClass().getSimpleName() + "|" + referralId() + "|" + occurredAt())
			.getBytes(StandardCharsets.UTF_8));
	}

	/** A new referral arrived for a partner location. */
	record ReferralReceived(ReferralId referralId, OrganizationId organizationId, OrganizationId vendorOrganizationId,
			LocationId locationId, Qualification qualification, boolean contactRequested,
			Instant occurredAt) implements Noticed {
	}

	/**
	 * A change that people are told of in the app and by mail (a lead received, declined,
	 * won or lost). A listener that takes only these gets no outbox publication for an
	 * acceptance or an edit, which tell nobody.
	 */
	sealed interface Noticed extends ReferralEvent {

	}

	/**
	 * A change to the deal a partner works (created, accepted, edited, won or lost): what
	 * a connected CRM mirrors. A listener that takes only these gets no outbox
	 * publication for the others, such as each new lead.
	 */
	sealed interface DealChanged extends ReferralEvent {

	}

	/** A partner created a deal of its own, already accepted. */
	record DealCreated(ReferralId referralId, OrganizationId organizationId, LocationId locationId, DealType dealType,
			String actorName, Instant occurredAt) implements DealChanged {
	}

	record ReferralAccepted(ReferralId referralId, OrganizationId organizationId, String actorName,
			Instant occurredAt) implements DealChanged {
	}

	record ReferralDeclined(ReferralId referralId, OrganizationId organizationId, String reason, @Nullable String notes,
			String actorName, Instant occurredAt) implements Noticed {
	}

	/** The partner did not answer within the response window. */
	record ReferralExpired(ReferralId referralId, OrganizationId organizationId,
			Instant occurredAt) implements ReferralEvent {
	}

	/** Deal details or the team of an accepted referral changed. */
	record ReferralUpdated(ReferralId referralId, OrganizationId organizationId, List<String> changedFields,
			String actorName, Instant occurredAt) implements DealChanged {
	}

	record ReferralWon(ReferralId referralId, OrganizationId organizationId, String actorName,
			Instant occurredAt) implements DealChanged, Noticed {
	}

	record ReferralLost(ReferralId referralId, OrganizationId organizationId, @Nullable LostReason reason,
			String actorName, Instant occurredAt) implements DealChanged, Noticed {
	}

}
