package org.leadrelay.referral;

import java.util.ArrayList;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.Location;
import org.leadrelay.partner.LocationId;
import org.leadrelay.partner.Organization;
import org.leadrelay.partner.Organizations;
import org.leadrelay.referral.ReferralEvent.ReferralReceived;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.ErrorCode;
import org.leadrelay.shared.Ids;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes referrals on behalf of a caller: each method is one transaction that loads the
 * referral within the caller's scope, applies one business action and stores it together
 * with its timeline and events.
 */
@Service
@Transactional
public class ReferralManagement {

	/** The actor id of customers, who have no account. */
	private static final String CUSTOMER = "customer";

	private final ReferralRepository repository;

	private final FavoriteRepository favorites;

	private final Organizations organizations;

	private final ReferralProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final DealChecks dealChecks;

	private final LeadAnnouncements announcements;

	ReferralManagement(ReferralRepository repository, FavoriteRepository favorites, Organizations organizations,
			ReferralProperties properties, ApplicationEventPublisher events, Clock clock, DealChecks dealChecks,
			LeadAnnouncements announcements) {
		this.repository = repository;
		this.favorites = favorites;
		this.organizations = organizations;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
		this.dealChecks = dealChecks;
		this.announcements = announcements;
	}

	/**
	 * A partner's Referrals admin or user creates a deal on one of its locations; a
	 * co-sell deal invites the vendor and a partner-to-partner deal the other partner's
	 * location, each of which gets its own record of the deal to answer.
	 */
	public Referral createDeal(Caller caller, NewDeal spec, Source source) {
		OrganizationId vendor = this.dealChecks.requireCreatable(caller, spec);
		Actor creator = Actor.of(caller, source);
		Instant now = this.clock.instant();
		Referral deal = DealRecords.create(new ReferralId(Ids.newId(this.clock)), spec, caller.organizationId(), vendor,
				creator, now);
		List<Referral> created = new ArrayList<>(List.of(deal));
		if (spec.type() == DealType.CoSell) {
			created.add(DealRecords.invitation(deal, new ReferralId(Ids.newId(this.clock)), vendor, spec.location(),
					creator, now, this.properties.responseWindow()));
		}
		else if (spec.partnerTarget() != null) {
			Location target = this.dealChecks.requireInvitable(caller, vendor, spec.partnerTarget());
			created.add(DealRecords.invitation(deal, new ReferralId(Ids.newId(this.clock)), target.organizationId(),
					target.id(), creator, now, this.properties.responseWindow()));
		}
		for (Referral referral : created) {
			List<ReferralEvent> pending = referral.pendingEvents();
			List<EngagementEvent> engagement = referral.pendingEngagementEvents();
			this.repository.insert(referral);
			pending.forEach(this.events::publishEvent);
			engagement.forEach(this.events::publishEvent);
		}
		return deal;
	}

	/** Moves an accepted deal to another sales stage (see {@link Referral#moveTo}). */
	public Referral moveToStage(Caller caller, ReferralId id, DealStage stage, Source source,
			@Nullable Integer expectedVersion) {
		return act(caller, id, expectedVersion, (referral, actor, now) -> referral.moveTo(stage, actor, now), source);
	}

	/** The customer agreed that the vendor may see this private deal. */
	public Referral shareWithVendor(Caller caller, ReferralId id, Source source, @Nullable Integer expectedVersion) {
		return act(caller, id, expectedVersion, (referral, actor, now) -> referral.shareWithVendor(actor, now), source);
	}

	/**
	 * The vendor sends a qualified lead (MQL or SQL) to one of its partners' locations.
	 * Its listeners hear of it with the other leads sent about then
	 * ({@link LeadAnnouncements}), shortly after the commit.
	 */
	public Referral send(Caller caller, NewReferral spec, Source source) {
		return send(caller, spec, source, holdingReceived(this.announcements::hold));
	}

	/**
	 * Sends a lead of a batch (a chunk of an import), as {@link #send}, but keeps its
	 * event in {@code batch} rather than publishing it: the caller publishes the batch's
	 * events as one with {@link #publishReceived} once all its leads stand, so that
	 * listeners work per batch.
	 */
	public Referral send(Caller caller, NewReferral spec, Source source, List<ReferralReceived> batch) {
		return send(caller, spec, source, holdingReceived(batch::add));
	}

	/**
	 * Publishes a new lead's events but its {@code ReferralReceived}, which goes to
	 * {@code received}.
	 */
	private Consumer<ReferralEvent> holdingReceived(Consumer<ReferralReceived> received) {
		return event -> {
			if (event instanceof ReferralReceived lead) {
				received.accept(lead);
			}
			else {
				this.events.publishEvent(event);
			}
		};
	}

	/**
	 * Publishes the events of a batch of leads sent with
	 * {@link #send(Caller, NewReferral, Source, List)}.
	 */
	public void publishReceived(List<ReferralReceived> batch) {
		if (!batch.isEmpty()) {
			this.events.publishEvent(new ReferralsReceived(batch));
		}
	}

	private Referral send(Caller caller, NewReferral spec, Source source, Consumer<ReferralEvent> publish) {
		requireSender(caller, spec);
		Location location = partnerLocation(caller, spec, this.organizations.findLocation(spec.target()));
		return receive(spec, location.organizationId(), caller.organizationId(), Actor.of(caller, source), publish);
	}

	/**
	 * Sends the leads of a batch (a chunk of an import) as
	 * {@link #send(Caller, NewReferral, Source, List)} sends each, but together: their
	 * targets looked up in one query and the leads inserted in one batch. A lead the
	 * domain refuses refuses them all; the caller rolls back and may send them one by one
	 * to learn which.
	 * @return the leads, in the order of {@code specs}
	 */
	public List<Referral> sendAll(Caller caller, List<NewReferral> specs, Source source, List<ReferralReceived> batch) {
		Map<LocationId, Location> locations = this.organizations
			.findLocations(specs.stream().map(NewReferral::target).collect(Collectors.toSet()));
		Actor sender = Actor.of(caller, source);
		List<Referral> referrals = new ArrayList<>(specs.size());
		for (NewReferral spec : specs) {
			requireSender(caller, spec);
			Location location = partnerLocation(caller, spec, Optional.ofNullable(locations.get(spec.target())));
			referrals.add(received(spec, location.organizationId(), caller.organizationId(), sender));
		}
		List<ReferralEvent> pending = referrals.stream()
			.flatMap(referral -> referral.pendingEvents().stream())
			.toList();
		this.repository.insertAll(referrals);
		pending.forEach(holdingReceived(batch::add));
		return referrals;
	}

	/** Only the vendor's staff send leads, each of the kinds its role sends. */
	private static void requireSender(Caller caller, NewReferral spec) {
		if (!caller.isVendor()) {
			throw DomainException.accessDenied("Only the vendor sends qualified referrals; partners receive them");
		}
		if (spec.qualification() == Qualification.Direct) {
			throw DomainException.invalid("qualification",
					"Direct referrals come from the marketplace contact form; send MarketingQualified or SalesQualified");
		}
		Role sender = spec.qualification() == Qualification.SalesQualified ? Role.VENDOR_SELLER : Role.VENDOR_MARKETING;
		if (!caller.hasRole(Role.VENDOR_ADMIN) && !caller.hasRole(sender)) {
			throw DomainException.accessDenied(
					"Vendor sellers send sales-qualified referrals and marketing staff marketing-qualified ones");
		}
	}

	/** The lead's target, found, if it is a location of one of the caller's partners. */
	private Location partnerLocation(Caller caller, NewReferral spec, Optional<Location> found) {
		return found
			.filter(location -> this.organizations.find(location.organizationId())
				.map(Organization::vendorId)
				.filter(caller.organizationId()::equals)
				.isPresent())
			.orElseThrow(() -> DomainException.invalid("target",
					"No location " + spec.target() + " among your partners' locations (see GET /v1.0/organizations)"));
	}

	/**
	 * A customer asks a partner location for help through the marketplace's contact form:
	 * a Direct referral from the customer, who must have agreed to be contacted and left
	 * a way to be.
	 */
	public Referral receiveInquiry(NewReferral spec) {
		if (spec.qualification() != Qualification.Direct) {
			throw DomainException.invalid("qualification", "A customer inquiry is a Direct referral");
		}
		if (!spec.consent().consentToContact()) {
			throw DomainException.invalid("consent/consentToContact",
					"An inquiry needs the customer's consent to be contacted");
		}
		if (spec.customer().contacts().isEmpty()) {
			throw DomainException.invalid("customerProfile/team", "An inquiry needs the customer's contact details");
		}
		Location location = this.organizations.findLocation(spec.target())
			.orElseThrow(() -> DomainException.invalid("target", "No location " + spec.target()));
		OrganizationId vendor = this.organizations.find(location.organizationId())
			.map(Organization::vendorId)
			.orElseThrow(() -> DomainException.invalid("target", "Location " + spec.target() + " has no partner"));
		Actor customer = new Actor(CUSTOMER, spec.customer().contacts().get(0).fullName(), Source.UI);
		return receive(spec, location.organizationId(), vendor, customer, this.events::publishEvent);
	}

	public Referral accept(Caller caller, ReferralId id, DealDetails details, List<TeamMember> customerContacts,
			Source source, @Nullable Integer expectedVersion) {
		return act(caller, id, expectedVersion,
				(referral, actor, now) -> referral.accept(details, customerContacts, actor, now), source);
	}

	public Referral decline(Caller caller, ReferralId id, @Nullable String reason, @Nullable String notes,
			Source source, @Nullable Integer expectedVersion) {
		String code = this.properties.requireDeclineReason(reason);
		return act(caller, id, expectedVersion, (referral, actor, now) -> referral.decline(code, notes, actor, now),
				source);
	}

	public Referral edit(Caller caller, ReferralId id, DealDetails details, Source source,
			@Nullable Integer expectedVersion) {
		return act(caller, id, expectedVersion, (referral, actor, now) -> referral.edit(details, actor, now), source);
	}

	public Referral addTeamMember(Caller caller, ReferralId id, TeamMember member, Source source,
			@Nullable Integer expectedVersion) {
		return act(caller, id, expectedVersion, (referral, actor, now) -> referral.addTeamMember(member, actor, now),
				source);
	}

	public Referral markWon(Caller caller, ReferralId id, Source source, @Nullable Integer expectedVersion) {
		return act(caller, id, expectedVersion, (referral, actor, now) -> referral.markWon(actor, now), source);
	}

	public Referral markLost(Caller caller, ReferralId id, @Nullable LostReason reason, Source source,
			@Nullable Integer expectedVersion) {
		return act(caller, id, expectedVersion, (referral, actor, now) -> referral.markLost(reason, actor, now),
				source);
	}

	/**
	 * Marks or unmarks a referral as one of the caller's favorites; allowed at every
	 * stage.
	 */
	public void setFavorite(Caller caller, ReferralId id, boolean favorite) {
		Referral referral = load(caller, id);
		this.favorites.set(referral, caller.principalId(), favorite, this.clock.instant());
	}

	/**
	 * Applies several changes at once, as one API PATCH asks: favorite mark, then deal
	 * edits and team changes, then the stage change (so a referral can be edited and
	 * closed in one go). {@code changesTo} reads them against the referral as stored, so
	 * that a patch of one attribute keeps the others.
	 */
	public Referral change(Caller caller, ReferralId id, Function<Referral, ReferralChanges> changesTo, Source source,
			@Nullable Integer expectedVersion) {
		return change(caller, id, changesTo, false, source, expectedVersion);
	}

	/**
	 * Replaces a referral as a whole, as an API PUT does: {@code replacement} says what
	 * differs from the referral as stored, and that goes through the same rules as
	 * {@link #change}. A field that the referral's stage does not let change is refused
	 * by name.
	 */
	public Referral replace(Caller caller, ReferralId id, Function<Referral, ReferralChanges> replacement,
			Source source, @Nullable Integer expectedVersion) {
		return change(caller, id, replacement, true, source, expectedVersion);
	}

	private Referral change(Caller caller, ReferralId id, Function<Referral, ReferralChanges> changesTo,
			boolean replacement, Source source, @Nullable Integer expectedVersion) {
		Referral referral = load(caller, id);
		requireVersion(referral, expectedVersion);
		ReferralChanges changes = changesTo.apply(referral);
		if (changes.favorite() != null) {
			this.favorites.set(referral, caller.principalId(), changes.favorite(), this.clock.instant());
		}
		if (!changes.touchesReferral()) {
			return referral;
		}
		requireOwner(caller, referral);
		ChangeInterpreter interpreter = new ChangeInterpreter(changes, this.properties);
		if (replacement) {
			interpreter.requireChangeable(referral);
		}
		interpreter.applyTo(referral, Actor.of(caller, source), this.clock.instant());
		save(referral);
		return referral;
	}

	/**
	 * Records the id of the referral's record in its owner's CRM as the CRM ID, for
	 * LeadRelay's CRM sync, which acts for no caller: the timeline shows the CRM as the
	 * actor and LeadRelay itself as the source. Publishes the change like any other, so
	 * integrations learn the new CRM ID.
	 * @param owner the partner organization that owns the referral
	 * @param crmName the CRM, as the timeline names the actor (e.g. {@code Salesforce})
	 */
	public Referral linkCrmRecord(OrganizationId owner, ReferralId id, String crmRecordId, String crmName) {
		Referral referral = this.repository.find(ReferralScope.owner(owner), id)
			.orElseThrow(() -> ReferralSearch.notFound(id));
		referral.linkCrmRecord(crmRecordId, new Actor(Actor.SYSTEM.id(), crmName, Source.SYSTEM), this.clock.instant());
		save(referral);
		return referral;
	}

	/**
	 * Expires a batch of Received referrals whose response window has passed. Rows are
	 * locked with {@code SKIP LOCKED}, so several nodes may sweep at once and each
	 * referral expires exactly once.
	 * @return how many referrals expired
	 */
	int expireDue(int batchSize) {
		Instant now = this.clock.instant();
		List<Referral> due = this.repository.lockDueForExpiry(now, batchSize);
		if (due.isEmpty()) {
			return 0;
		}
		List<ReferralEvent.ReferralExpired> expirations = new ArrayList<>();
		List<EngagementEvent> toInviters = new ArrayList<>();
		for (Referral referral : due) {
			referral.expire(now);
			referral.pendingEvents().stream().map(ReferralEvent.ReferralExpired.class::cast).forEach(expirations::add);
			toInviters.addAll(referral.pendingEngagementEvents());
		}
		if (!this.repository.update(due)) {
			throw new IllegalStateException("A locked referral changed while expiring it");
		}
		this.events.publishEvent(new ReferralsExpired(expirations));
		toInviters.forEach(this.events::publishEvent);
		return due.size();
	}

	/**
	 * Records a referral received in the past, then its back-dated {@code outcome} (demo
	 * data). It goes through the aggregate like a real one, but publishes no events:
	 * nobody is notified about history.
	 */
	public Referral recordPast(NewReferral spec, OrganizationId partner, OrganizationId vendor, Actor sender,
			Instant receivedAt, PastOutcome outcome) {
		Referral referral = Referral.receive(new ReferralId(Ids.newId(receivedAt)), spec, partner, vendor, sender,
				receivedAt, this.properties.responseWindow());
		this.repository.insert(referral);
		apply(outcome, referral);
		this.repository.update(List.of(referral));
		return referral;
	}

	private static void apply(PastOutcome outcome, Referral referral) {
		if (outcome instanceof PastOutcome.Declined declined) {
			referral.decline(declined.reason(), declined.notes(), declined.by(), declined.at());
		}
		else if (outcome instanceof PastOutcome.Accepted accepted) {
			referral.accept(accepted.deal(), List.of(), accepted.by(), accepted.at());
			if (accepted.closing() instanceof PastOutcome.Won won) {
				referral.markWon(accepted.by(), won.at());
			}
			else if (accepted.closing() instanceof PastOutcome.Lost lost) {
				referral.markLost(lost.reason(), accepted.by(), lost.at());
			}
		}
		else if (outcome instanceof PastOutcome.Expired) {
			referral.expire(referral.expiresAt());
		}
	}

	private Referral receive(NewReferral spec, OrganizationId partner, OrganizationId vendor, Actor sender,
			Consumer<ReferralEvent> publish) {
		Referral referral = received(spec, partner, vendor, sender);
		List<ReferralEvent> pending = referral.pendingEvents();
		this.repository.insert(referral);
		pending.forEach(publish);
		return referral;
	}

	private Referral received(NewReferral spec, OrganizationId partner, OrganizationId vendor, Actor sender) {
		return Referral.receive(new ReferralId(Ids.newId(this.clock)), spec, partner, vendor, sender,
				this.clock.instant(), this.properties.responseWindow());
	}

	private Referral act(Caller caller, ReferralId id, @Nullable Integer expectedVersion, Action action,
			Source source) {
		Referral referral = load(caller, id);
		requireOwner(caller, referral);
		requireVersion(referral, expectedVersion);
		action.apply(referral, Actor.of(caller, source), this.clock.instant());
		save(referral);
		return referral;
	}

	private Referral load(Caller caller, ReferralId id) {
		return this.repository.find(ReferralScope.of(caller), id).orElseThrow(() -> ReferralSearch.notFound(id));
	}

	/**
	 * Only the organization that owns a record acts on it: the partner on its leads and
	 * deals, the invited organization (the vendor too) on its invitation.
	 */
	private static void requireOwner(Caller caller, Referral referral) {
		if (!referral.isOwnedBy(caller.organizationId())) {
			throw DomainException.accessDenied("The vendor sends referrals; only the receiving partner acts on them");
		}
	}

	private static void requireVersion(Referral referral, @Nullable Integer expectedVersion) {
		if (expectedVersion != null && expectedVersion != referral.version()) {
			throw new DomainException(ErrorCode.PRECONDITION_FAILED, "Referral " + referral.id() + " is at version "
					+ referral.version() + ", not " + expectedVersion + "; read it again before changing it", null);
		}
	}

	private void save(Referral referral) {
		List<ReferralEvent> pending = referral.pendingEvents();
		List<EngagementEvent> engagement = referral.pendingEngagementEvents();
		if (pending.isEmpty() && referral.pendingTimeline().isEmpty()) {
			return;
		}
		if (!this.repository.update(List.of(referral))) {
			throw new ReferralChangedException(referral.id(),
					this.repository.lastActor(referral.organizationId(), referral.id()));
		}
		pending.forEach(this.events::publishEvent);
		engagement.forEach(this.events::publishEvent);
	}

	@FunctionalInterface
	private interface Action {

		void apply(Referral referral, Actor actor, Instant now);

	}

}
