package org.leadrelay.referral.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.Actor;
import org.leadrelay.referral.DealType;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralEvent.DealCreated;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.ReferralSearch;
import org.leadrelay.referral.Source;
import org.leadrelay.referral.Substatus;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.Ids;
import org.leadrelay.shared.OrganizationId;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds channel conflicts as deals and registrations are made, and lets the vendor admin
 * decide them. Detection runs in the transaction that creates the deal or registration,
 * so a conflicting record is flagged the moment it exists.
 */
@Service
@Transactional
public class ChannelConflicts {

	private final RegistrationRepository repository;

	private final ReferralSearch search;

	private final CoSellProperties properties;

	private final Clock clock;

	ChannelConflicts(RegistrationRepository repository, ReferralSearch search, CoSellProperties properties,
			Clock clock) {
		this.repository = repository;
		this.search = search;
		this.properties = properties;
		this.clock = clock;
	}

	/** A co-sell or partner-led deal of catalogue products may conflict with others. */
	@EventListener
	void on(DealCreated event) {
		if (event.dealType() != DealType.CoSell && event.dealType() != DealType.PartnerLed) {
			return;
		}
		this.search.findOwnedBy(event.organizationId(), event.referralId()).ifPresent(this::detect);
	}

	/**
	 * Flags the conflicts of a deal with other partners' claims; for deals created
	 * without an event (demo data's past deals) too.
	 */
	public void detect(Referral deal) {
		if (!deal.requirements().products().isEmpty()) {
			check(claimOf(deal, deal.createdAt(), deal.substatus() == Substatus.Accepted), deal.vendorOrganizationId());
		}
	}

	/** A registration claims its deal's customer again, from the day it is made. */
	void registered(Referral deal, DealRegistration registration) {
		check(Claim.of(deal.id(), deal.organizationId(), deal.customer().name(), deal.customer().address().country(),
				deal.attributes().customerIds(), registration.products(), registration.registeredAt(), true),
				deal.vendorOrganizationId());
	}

	private void check(Claim claim, OrganizationId vendor) {
		Instant from = claim.createdAt().minus(this.properties.protectionWindow());
		Instant to = claim.createdAt().plus(this.properties.protectionWindow());
		Instant now = this.clock.instant();
		for (Claim other : this.repository.claims(vendor, claim.organizationId(), from, to, claim.products())) {
			if (claim.conflictsWith(other, this.properties.protectionWindow())) {
				this.repository.insert(ChannelConflict.flag(Ids.newId(this.clock), vendor, claim, other, now));
			}
		}
	}

	/** Whether the deal is in a conflict the vendor has not decided yet. */
	@Transactional(readOnly = true)
	public boolean inConflict(ReferralId deal) {
		return !this.repository.openConflictsOf(deal).isEmpty();
	}

	/** The vendor's conflicts, open first, with both deals side by side. */
	@Transactional(readOnly = true)
	public List<RegistrationViews.Conflict> list(Caller caller, int limit) {
		return views(this.repository.conflicts(DealRegistrations.requireVendorAdmin(caller), limit));
	}

	@Transactional(readOnly = true)
	public RegistrationViews.Conflict get(Caller caller, UUID id) {
		return views(List.of(load(caller, id))).get(0);
	}

	/**
	 * The vendor keeps one deal: its pending registration is approved and the other
	 * deal's pending registration rejected, both for the vendor's reason. The other
	 * deal's approved registration cannot be overruled here.
	 */
	public ChannelConflict keep(Caller caller, UUID id, ReferralId kept, @Nullable String reason, Source source) {
		ChannelConflict conflict = load(caller, id);
		Actor actor = Actor.of(caller, source);
		Instant now = this.clock.instant();
		conflict.resolveKeeping(kept, reason, actor, now);
		Optional<DealRegistration> other = this.repository.findOf(conflict.otherThan(kept).referralId());
		if (other.filter(registration -> registration.status() == RegistrationStatus.Approved).isPresent()) {
			throw DomainException.conflict(
					"The other deal's registration is approved already; keep that deal, " + "or dismiss the conflict");
		}
		save(conflict);
		this.repository.findOf(kept)
			.filter(DealRegistration::isPending)
			.ifPresent(registration -> decide(registration, true, reason, actor, now));
		other.filter(DealRegistration::isPending)
			.ifPresent(registration -> decide(registration, false, reason, actor, now));
		return conflict;
	}

	/** The vendor finds the two deals do not compete: both stand. */
	public ChannelConflict dismiss(Caller caller, UUID id, @Nullable String reason, Source source) {
		ChannelConflict conflict = load(caller, id);
		conflict.dismiss(reason, Actor.of(caller, source), this.clock.instant());
		save(conflict);
		return conflict;
	}

	private void decide(DealRegistration registration, boolean approve, @Nullable String reason, Actor actor,
			Instant now) {
		if (approve) {
			registration.approve(reason, actor, now);
		}
		else {
			registration.reject(reason, actor, now);
		}
		if (!this.repository.update(registration)) {
			throw DomainException.conflict("Someone else decided this registration meanwhile; reload and try again");
		}
	}

	private void save(ChannelConflict conflict) {
		if (!this.repository.update(conflict)) {
			throw DomainException.conflict("Someone else decided this conflict meanwhile; reload and try again");
		}
	}

	private ChannelConflict load(Caller caller, UUID id) {
		return this.repository.findConflict(DealRegistrations.requireVendorAdmin(caller), id)
			.orElseThrow(() -> DomainException.notFound("No channel conflict " + id));
	}

	private List<RegistrationViews.Conflict> views(List<ChannelConflict> conflicts) {
		List<ReferralId> ids = new ArrayList<>();
		conflicts.forEach(conflict -> {
			ids.add(conflict.first().referralId());
			ids.add(conflict.second().referralId());
		});
		Map<ReferralId, RegistrationViews.ConflictDeal> deals = this.repository.conflictDeals(ids);
		return conflicts.stream()
			.map(conflict -> new RegistrationViews.Conflict(conflict, deals.get(conflict.first().referralId()),
					deals.get(conflict.second().referralId())))
			.toList();
	}

	static Claim claimOf(Referral deal, Instant since, boolean open) {
		return Claim.of(deal.id(), deal.organizationId(), deal.customer().name(), deal.customer().address().country(),
				deal.attributes().customerIds(), deal.requirements().products(), since, open);
	}

}
