package org.leadrelay.referral.registration;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.Actor;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.Origin;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.ReferralSearch;
import org.leadrelay.referral.Source;
import org.leadrelay.referral.Substatus;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.Ids;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.Role;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers partners' won deals with the vendor and records the vendor admin's decisions,
 * one transaction each. A deal outside the caller's scope, and a registration of another
 * program, are not found.
 */
@Service
public class DealRegistrations {

	/** The largest page of the vendor's list. */
	public static final int MAX_PAGE_SIZE = 100;

	private final RegistrationRepository repository;

	private final ReferralSearch search;

	private final ChannelConflicts conflicts;

	private final Clock clock;

	DealRegistrations(RegistrationRepository repository, ReferralSearch search, ChannelConflicts conflicts,
			Clock clock) {
		this.repository = repository;
		this.search = search;
		this.conflicts = conflicts;
		this.clock = clock;
	}

	/**
	 * The deal's owner registers its won deal (see {@link DealRegistration#register});
	 * the registration is then checked for channel conflicts.
	 * @param products the catalogue products registered, all of the deal's when empty
	 * @param value the contract's value, the deal's when null
	 */
	@Transactional
	public DealRegistration register(Caller caller, ReferralId dealId, List<String> products, @Nullable Money value,
			Source source) {
		Referral deal = ownDeal(caller, dealId);
		if (!caller.hasRole(Role.REFERRALS_ADMIN) && !caller.hasRole(Role.REFERRALS_USER)) {
			throw DomainException.accessDenied("A partner's Referrals admins and users register deals");
		}
		if (this.repository.findOf(dealId).isPresent()) {
			throw DomainException.conflict("This deal is registered already; a deal has one registration");
		}
		DealRegistration registration = DealRegistration.register(Ids.newId(this.clock), deal, products, value,
				Actor.of(caller, source), this.clock.instant());
		this.repository.insert(registration);
		this.conflicts.registered(deal, registration);
		return registration;
	}

	/**
	 * The registration of one of the caller's own deals, if it has one; another
	 * organization's deal is not found.
	 */
	@Transactional(readOnly = true)
	public Optional<DealRegistration> of(Caller caller, ReferralId dealId) {
		ownDeal(caller, dealId);
		return this.repository.findOf(dealId);
	}

	/**
	 * The registrations of deals the caller has read already, by deal, for the API's
	 * {@code registrations}: only won deals have one, so only they are looked up. One
	 * statement or none, so no transaction of its own: one borrowed a connection for
	 * every referral the API wrote, a lead or a deal without a registration too.
	 */
	public Map<ReferralId, DealRegistration> ofDeals(List<Referral> deals) {
		List<ReferralId> won = deals.stream()
			.filter(deal -> deal.engagement().origin() == Origin.Deal && deal.substatus() == Substatus.Won)
			.map(Referral::id)
			.toList();
		return won.isEmpty() ? Map.of() : this.repository.findOf(won);
	}

	/** The caller's own deal, which it may register. */
	@Transactional(readOnly = true)
	public Referral ownDeal(Caller caller, ReferralId dealId) {
		Referral deal = this.search.get(caller, dealId).referral();
		if (!caller.isPartner() || !deal.isOwnedBy(caller.organizationId())) {
			throw DomainException.notFound("No deal " + dealId + " of yours");
		}
		return deal;
	}

	@Transactional
	public DealRegistration approve(Caller caller, UUID id, @Nullable String reason, Source source) {
		DealRegistration registration = load(caller, id);
		if (this.conflicts.inConflict(registration.referralId())) {
			throw DomainException.conflict("This deal is in a channel conflict; decide the conflict first");
		}
		registration.approve(reason, Actor.of(caller, source), this.clock.instant());
		save(registration);
		return registration;
	}

	/**
	 * Rejects a registration; a conflict the deal is in stays for the vendor to decide.
	 */
	@Transactional
	public DealRegistration reject(Caller caller, UUID id, @Nullable String reason, Source source) {
		DealRegistration registration = load(caller, id);
		registration.reject(reason, Actor.of(caller, source), this.clock.instant());
		save(registration);
		return registration;
	}

	/** Whether the vendor's registration is of a deal in an open channel conflict. */
	@Transactional(readOnly = true)
	public boolean inConflict(Caller caller, UUID id) {
		return this.conflicts.inConflict(load(caller, id).referralId());
	}

	/** A page of the vendor's registrations, pending first. */
	@Transactional(readOnly = true)
	public RegistrationViews.Page page(Caller caller, int page, int size) {
		OrganizationId vendor = requireVendorAdmin(caller);
		int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
		int number = Math.max(0, page);
		return new RegistrationViews.Page(this.repository.page(vendor, number * pageSize, pageSize), number, pageSize,
				this.repository.count(vendor));
	}

	private DealRegistration load(Caller caller, UUID id) {
		return this.repository.find(requireVendorAdmin(caller), id)
			.orElseThrow(() -> DomainException.notFound("No registration " + id));
	}

	private void save(DealRegistration registration) {
		if (!this.repository.update(registration)) {
			throw DomainException.conflict("Someone else decided this registration meanwhile; reload and try again");
		}
	}

	/** The vendor admin's program: only they decide registrations and conflicts. */
	static OrganizationId requireVendorAdmin(Caller caller) {
		if (!caller.isVendor() || !caller.hasRole(Role.VENDOR_ADMIN)) {
			throw DomainException.accessDenied("The vendor's admins decide deal registrations");
		}
		return caller.organizationId();
	}

}
