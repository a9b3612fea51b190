package org.leadrelay.referral;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.DealStageRefusedException.Reason;
import org.leadrelay.referral.EngagementEvent.RelatedReferralUpdated;
import org.leadrelay.referral.TimelineEntry.FieldChange;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.OrganizationId;

/**
 * The co-sell side of a {@link Referral}: how it takes part in its engagement and the
 * sales stage it is at, with the rules that only deals and invitations have (moving
 * between stages, sharing a private deal with the vendor, registering a won deal). The
 * referral delegates to it and records what it answers on its timeline; a lead's progress
 * refuses every deal action.
 */
final class DealProgress {

	/**
	 * How long a deal must exist before its win can be registered: the Referrals API's
	 * rule against registering a deal created only to claim a win.
	 */
	static final Duration REGISTRATION_DELAY = Duration.ofHours(72);

	private Engagement engagement;

	private @Nullable DealStage stage;

	/** Events for the inviter (or the invited) registered since the record was loaded. */
	private final List<EngagementEvent> engagementEvents = new ArrayList<>();

	DealProgress(Engagement engagement, @Nullable DealStage stage) {
		this.engagement = engagement;
		this.stage = stage;
	}

	Engagement engagement() {
		return this.engagement;
	}

	@Nullable DealStage stage() {
		return this.stage;
	}

	/**
	 * Checks that the deal may move to {@code target} from its substatus, forward or
	 * back. Won comes only with winning the deal, and Accepted, where deals start, is not
	 * returned to. A lead has no sales stages.
	 * @return whether the deal moves (it is not at the target already)
	 */
	boolean requireMovable(DealStage target, Substatus substatus) {
		if (!this.engagement.isCoSell()) {
			throw new DealStageRefusedException(Reason.LEAD,
					"This is a lead, not a co-sell deal; only deals move between sales stages");
		}
		if (substatus != Substatus.Accepted) {
			throw new DealStageRefusedException(Reason.NOT_OPEN,
					"This deal is " + substatus.status() + "/" + substatus
							+ "; only an accepted deal moves between sales stages",
					DealStageRefusedException.named(substatus));
		}
		if (target == DealStage.Won) {
			throw new DealStageRefusedException(Reason.WON,
					"A deal reaches Won when it is marked won (status Closed, substatus Won)");
		}
		if (target == this.stage) {
			return false;
		}
		if (target == DealStage.Accepted) {
			throw new DealStageRefusedException(Reason.BACK_TO_ACCEPTED, "This deal is " + this.stage
					+ "; it cannot go back to Accepted, where deals start (the earliest stage after it is Qualified)",
					DealStageRefusedException.named(Objects.requireNonNull(this.stage)));
		}
		return true;
	}

	/** The stage an API client means by a sales stage, unless the deal carries it. */
	@Nullable DealStage stageFor(SalesStage salesStage) {
		return this.stage != null && this.stage.salesStage() == salesStage ? null : DealStage.of(salesStage);
	}

	/** Enters the stage, noting the change for the timeline. */
	void enter(DealStage target, Map<String, FieldChange> changes) {
		changes.put("salesStage", new FieldChange(this.stage == null ? null : this.stage.name(), target.name()));
		this.stage = target;
	}

	/**
	 * The customer agreed that the vendor may see this private deal: it becomes
	 * partner-led. Sharing cannot be taken back, and sharing a deal the vendor sees
	 * already changes nothing.
	 * @return whether the deal was private and is shared now
	 */
	boolean share(Substatus substatus) {
		DealType type = this.engagement.dealType();
		if (this.engagement.origin() != Origin.Deal || type == null
				|| !(type == DealType.Private || type == DealType.PartnerLed || type == DealType.CoSell)) {
			throw DomainException.invalid("consent/consentToShareReferralWithMicrosoftSellers",
					"Only a partner's own private deal is shared with the vendor");
		}
		if (type != DealType.Private) {
			return false;
		}
		if (substatus.isArchived()) {
			throw DomainException.conflict(
					"This deal is " + substatus.status() + "/" + substatus + "; an archived deal is no longer shared");
		}
		this.engagement = this.engagement.sharedWithVendor();
		return true;
	}

	/**
	 * Why the partner may not register this deal's win with the vendor now, or empty when
	 * it may: its own won co-sell or partner-led deal of a catalogue product, created at
	 * least {@link #REGISTRATION_DELAY} ago.
	 */
	Optional<RegistrationRefusedException> registrationRefusal(Substatus substatus, Requirements requirements,
			Instant createdAt, Instant now) {
		DealType type = this.engagement.dealType();
		if (this.engagement.origin() != Origin.Deal || !(type == DealType.CoSell || type == DealType.PartnerLed)) {
			return Optional
				.of(new RegistrationRefusedException(RegistrationRefusedException.Reason.NOT_REGISTRABLE_TYPE,
						"Only a partner's own co-sell or partner-led deal is registered with the vendor"));
		}
		if (substatus != Substatus.Won) {
			return Optional.of(new RegistrationRefusedException(RegistrationRefusedException.Reason.NOT_WON,
					"This deal is " + substatus.status() + "/" + substatus + "; only a won deal is registered"));
		}
		if (requirements.products().isEmpty()) {
			return Optional.of(new RegistrationRefusedException(RegistrationRefusedException.Reason.NO_PRODUCT,
					"A registration names a product of the vendor's catalogue; this deal has none"));
		}
		Instant registrable = createdAt.plus(REGISTRATION_DELAY);
		if (now.isBefore(registrable)) {
			return Optional.of(new RegistrationRefusedException(RegistrationRefusedException.Reason.TOO_EARLY,
					"A deal is registered 72 hours or more after it was created; this one can be from " + registrable,
					registrable));
		}
		return Optional.empty();
	}

	/**
	 * An invitation tells its inviter of an answer or a later change of stage; a deal or
	 * a lead tells nobody.
	 */
	void tellInviter(Referral referral, Instant now, @Nullable String reason) {
		Inviter inviter = this.engagement.inviter();
		if (inviter != null) {
			this.engagementEvents.add(new RelatedReferralUpdated(referral.engagementId(), referral.id(),
					referral.organizationId(), inviter, referral.substatus(), this.stage, reason, now));
		}
	}

	void tell(EngagementEvent... events) {
		this.engagementEvents.addAll(List.of(events));
	}

	List<EngagementEvent> pendingEngagementEvents() {
		return List.copyOf(this.engagementEvents);
	}

	void markPersisted() {
		this.engagementEvents.clear();
	}

	/**
	 * Whether vendor staff see the record: every lead and the vendor's own invitations,
	 * and a partner's deal only when the partner shares it (partner-led).
	 */
	boolean visibleToVendor(OrganizationId owner, OrganizationId vendor) {
		DealType type = this.engagement.dealType();
		return this.engagement.origin() == Origin.Lead || owner.equals(vendor)
				|| this.engagement.origin() == Origin.Deal && type != null && type.visibleToVendor();
	}

	/**
	 * The organization whose location the record is on: its owner's, except for the
	 * vendor's record of a co-sell invitation, which sits on the inviting partner's.
	 */
	OrganizationId locationOrganizationId(OrganizationId owner, OrganizationId vendor) {
		Inviter inviter = this.engagement.inviter();
		return inviter != null && owner.equals(vendor) ? inviter.organizationId() : owner;
	}

}
