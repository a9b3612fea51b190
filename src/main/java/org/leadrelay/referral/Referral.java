package org.leadrelay.referral;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.LocationId;
import org.leadrelay.referral.ReferralEvent.ReferralAccepted;
import org.leadrelay.referral.ReferralEvent.ReferralDeclined;
import org.leadrelay.referral.ReferralEvent.ReferralExpired;
import org.leadrelay.referral.ReferralEvent.ReferralLost;
import org.leadrelay.referral.ReferralEvent.ReferralReceived;
import org.leadrelay.referral.ReferralEvent.ReferralUpdated;
import org.leadrelay.referral.ReferralEvent.ReferralWon;
import org.leadrelay.referral.TimelineEntry.FieldChange;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.Text;

/**
 * A lead sent to a partner location, a deal a partner created, or an invited
 * organization's record of another's deal ({@link Engagement}), and the only place their
 * lifecycle rules live:
 *
 * <pre>
 * Received ──accept──▶ Accepted ──markWon──▶ Won
 *    │ └─decline──▶ Declined      └─markLost─▶ Lost
 *    └─expire (system, after the response window)──▶ Expired
 * </pre>
 *
 * A partner's deal starts Accepted; deals and invitations go through the sales stages
 * ({@link DealStage}) while accepted. Each transition checks its precondition, records
 * what changed for the timeline and registers an event. Archived referrals (Won, Lost,
 * Declined, Expired) refuse every change. Transitions are package-private: other modules
 * change a referral through {@link ReferralManagement}, and ask the referral the
 * questions below instead of comparing stages.
 */
public class Referral {

	/** The most people a deal team has. */
	public static final int MAX_TEAM = 50;

	/**
	 * What is fixed when the record is created (ids, qualification, consent,
	 * requirements, who created it and when, the response window); the rest of the state
	 * is read from it once, into the fields below, which the transitions change.
	 */
	private final ReferralState created;

	private Customer customer;

	private @Nullable String name;

	private @Nullable String externalReferenceId;

	private @Nullable String campaignId;

	private Substatus substatus;

	private @Nullable String statusReason;

	private @Nullable String notes;

	private @Nullable Money dealValue;

	private @Nullable Instant closingAt;

	private List<TeamMember> team;

	private @Nullable Instant acceptedAt;

	private @Nullable Instant closedAt;

	private Instant updatedAt;

	private int version;

	private ReferralAttributes attributes;

	private final DealProgress progress;

	private final List<ReferralEvent> events = new ArrayList<>();

	private final List<PendingEntry> timeline = new ArrayList<>();

	Referral(ReferralState state) {
		this.created = state;
		this.customer = state.customer();
		this.name = state.name();
		this.externalReferenceId = state.externalReferenceId();
		this.campaignId = state.campaignId();
		this.substatus = state.substatus();
		this.statusReason = state.statusReason();
		this.notes = state.notes();
		this.dealValue = state.dealValue();
		this.closingAt = state.closingAt();
		this.team = List.copyOf(state.team());
		this.acceptedAt = state.acceptedAt();
		this.closedAt = state.closedAt();
		this.updatedAt = state.updatedAt();
		this.version = state.version();
		this.attributes = state.attributes();
		this.progress = new DealProgress(state.engagement(), state.stage());
	}

	/**
	 * A new referral for a partner location, open for the response window.
	 */
	static Referral receive(ReferralId id, NewReferral spec, OrganizationId partner, OrganizationId vendor,
			Actor sender, Instant now, Duration responseWindow) {
		Referral referral = new Referral(new ReferralState(id, partner, vendor, spec.target(), UUID.randomUUID(),
				spec.qualification(), spec.type(), spec.consent(), spec.requirements(), spec.inviteNotes(),
				spec.notes(), sender.id(), sender.name(), now, now.plus(responseWindow),
				spec.contactRequested() ? now : null, spec.customer(), spec.name(), spec.externalReferenceId(),
				spec.campaignId(), Substatus.Received, null, spec.notes(), spec.estimatedValue(), spec.closingAt(),
				spec.team(), null, null, now, 0, spec.attributes(), Engagement.LEAD, null));
		referral.record(sender, now, "received", Map.of("substatus", new FieldChange(null, Substatus.Received.name())));
		referral.events.add(new ReferralReceived(id, partner, vendor, spec.target(), spec.qualification(),
				spec.contactRequested(), now));
		return referral;
	}

	/**
	 * The partner takes the lead on: it must state the deal's name, value, estimated
	 * purchase date and notes, and may add contacts at the customer.
	 */
	void accept(DealDetails details, List<TeamMember> customerContacts, Actor actor, Instant now) {
		requireStage(Substatus.Received, "accepted");
		requireWithinResponseWindow(now);
		Map<String, FieldChange> changes = details.changesFrom(this);
		changes.put("substatus", FieldChange.of(this.substatus, Substatus.Accepted));
		apply(details);
		for (TeamMember contact : customerContacts) {
			this.customer = this.customer.withContact(contact);
			changes.put("customerProfile/team/" + (this.customer.contacts().size() - 1),
					FieldChange.of(null, contact.fullName()));
		}
		this.substatus = Substatus.Accepted;
		this.acceptedAt = now;
		enterStageIfCoSell(DealStage.Accepted, changes);
		record(actor, now, "accepted", changes);
		this.events.add(new ReferralAccepted(id(), organizationId(), actor.name(), now));
		tellInviter(now, null);
	}

	/**
	 * The partner turns the lead down, with a reason from the program's list.
	 */
	void decline(String reason, @Nullable String declineNotes, Actor actor, Instant now) {
		requireStage(Substatus.Received, "declined");
		requireWithinResponseWindow(now);
		String notesText = Text.optional("details/notes", declineNotes, DealDetails.MAX_NOTES);
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		changes.put("substatus", FieldChange.of(this.substatus, Substatus.Declined));
		changes.put("statusReason", FieldChange.of(this.statusReason, reason));
		if (notesText != null) {
			changes.put("declineNotes", FieldChange.of(null, notesText));
		}
		this.substatus = Substatus.Declined;
		this.statusReason = reason;
		this.closedAt = now;
		record(actor, now, "declined", changes);
		this.events.add(new ReferralDeclined(id(), organizationId(), reason, notesText, actor.name(), now));
		tellInviter(now, reason);
	}

	/**
	 * The system archives a referral nobody answered within the response window.
	 */
	void expire(Instant now) {
		requireStage(Substatus.Received, "expired");
		if (now.isBefore(this.created.expiresAt())) {
			throw DomainException
				.conflict("The referral is open until " + this.created.expiresAt() + " and cannot expire before");
		}
		Map<String, FieldChange> changes = Map.of("substatus", FieldChange.of(this.substatus, Substatus.Expired));
		this.substatus = Substatus.Expired;
		this.closedAt = now;
		record(Actor.SYSTEM, now, "expired", changes);
		this.events.add(new ReferralExpired(id(), organizationId(), now));
		tellInviter(now, null);
	}

	/**
	 * Changes the deal details of an accepted referral. Nothing changed is not an edit.
	 */
	void edit(DealDetails details, Actor actor, Instant now) {
		requireStage(Substatus.Accepted, "edited");
		Map<String, FieldChange> changes = details.changesFrom(this);
		if (changes.isEmpty()) {
			return;
		}
		apply(details);
		record(actor, now, "edited", changes);
		this.events.add(new ReferralUpdated(id(), organizationId(), List.copyOf(changes.keySet()), actor.name(), now));
	}

	/** Adds a person working the deal. */
	void addTeamMember(TeamMember member, Actor actor, Instant now) {
		requireStage(Substatus.Accepted, "given team members");
		List<TeamMember> members = new ArrayList<>(this.team);
		members.add(member);
		replaceTeam(members, actor, now);
	}

	/** Replaces the whole deal team (the API's {@code replace /team}). */
	void replaceTeam(List<TeamMember> members, Actor actor, Instant now) {
		requireStage(Substatus.Accepted, "given team members");
		if (members.size() > MAX_TEAM) {
			throw DomainException.invalid("team", "A deal team has at most " + MAX_TEAM + " members");
		}
		if (members.equals(this.team)) {
			return;
		}
		Map<String, FieldChange> changes = Map.of("team",
				FieldChange.of(TeamMember.names(this.team), TeamMember.names(members)));
		this.team = List.copyOf(members);
		record(actor, now, "teamChanged", changes);
		this.events.add(new ReferralUpdated(id(), organizationId(), List.of("team"), actor.name(), now));
	}

	/**
	 * Replaces what the Referrals API carries beyond LeadRelay's workflow (sales stage,
	 * tags, ...) while the referral is open; nothing changed is not a change.
	 */
	void updateAttributes(ReferralAttributes changed, Actor actor, Instant now) {
		List<String> names = changed.differencesFrom(this.attributes);
		if (names.isEmpty()) {
			return;
		}
		if (isArchived()) {
			throw DomainException.conflict("This referral is " + this.substatus.status() + "/" + this.substatus
					+ "; an archived referral keeps its attributes");
		}
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		Map<String, @Nullable Object> before = this.attributes.byApiName();
		Map<String, @Nullable Object> after = changed.byApiName();
		names.forEach(name -> changes.put(name, FieldChange.of(before.get(name), after.get(name))));
		this.attributes = changed;
		record(actor, now, "attributesChanged", changes);
		this.events.add(new ReferralUpdated(id(), organizationId(), names, actor.name(), now));
	}

	/** Adds a contact at the customer. */
	void addCustomerContact(TeamMember contact, Actor actor, Instant now) {
		requireStage(Substatus.Accepted, "given customer contacts");
		if (this.customer.contacts().size() >= 50) {
			throw DomainException.invalid("customerProfile/team", "A customer has at most 50 contacts");
		}
		this.customer = this.customer.withContact(contact);
		record(actor, now, "customerContactAdded",
				Map.of("customerProfile/team/" + (this.customer.contacts().size() - 1),
						FieldChange.of(null, contact.fullName())));
		this.events
			.add(new ReferralUpdated(id(), organizationId(), List.of("customerProfile/team"), actor.name(), now));
	}

	/** The deal was won: the referral is archived. */
	void markWon(Actor actor, Instant now) {
		requireStage(Substatus.Accepted, "marked won");
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		changes.put("substatus", FieldChange.of(this.substatus, Substatus.Won));
		enterStageIfCoSell(DealStage.Won, changes);
		this.substatus = Substatus.Won;
		this.closedAt = now;
		record(actor, now, "won", changes);
		this.events.add(new ReferralWon(id(), organizationId(), actor.name(), now));
		tellInviter(now, null);
	}

	/** The deal was lost, for an optional reason: the referral is archived. */
	void markLost(@Nullable LostReason reason, Actor actor, Instant now) {
		requireStage(Substatus.Accepted, "marked lost");
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		changes.put("substatus", FieldChange.of(this.substatus, Substatus.Lost));
		if (reason != null) {
			changes.put("statusReason", FieldChange.of(this.statusReason, reason));
		}
		this.substatus = Substatus.Lost;
		this.statusReason = reason == null ? null : reason.name();
		this.closedAt = now;
		record(actor, now, "lost", changes);
		this.events.add(new ReferralLost(id(), organizationId(), reason, actor.name(), now));
		tellInviter(now, this.statusReason);
	}

	/**
	 * Moves an accepted deal to another sales stage, forward or back (see
	 * {@link DealProgress#requireMovable}).
	 */
	void moveTo(DealStage target, Actor actor, Instant now) {
		if (!this.progress.requireMovable(target, this.substatus)) {
			return;
		}
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		enterStage(target, changes);
		record(actor, now, "stageChanged", changes);
		this.events.add(new ReferralUpdated(id(), organizationId(), List.of("salesStage"), actor.name(), now));
		tellInviter(now, null);
	}

	/**
	 * Moves the deal to the stage an API client names by its sales stage; the sales stage
	 * the deal is in already changes nothing.
	 */
	void moveTo(SalesStage salesStage, Actor actor, Instant now) {
		DealStage target = this.progress.stageFor(salesStage);
		if (target != null) {
			moveTo(target, actor, now);
		}
	}

	/**
	 * The customer agreed that the vendor may see this private deal: it becomes
	 * partner-led, and vendor staff see it. Sharing cannot be taken back.
	 */
	void shareWithVendor(Actor actor, Instant now) {
		if (!this.progress.share(this.substatus)) {
			return;
		}
		this.attributes = this.attributes.withConsentToShareWithVendor(true);
		record(actor, now, "sharedWithVendor",
				Map.of("dealType", FieldChange.of(DealType.Private, DealType.PartnerLed)));
		this.events.add(new ReferralUpdated(id(), organizationId(), List.of(ReferralAttributes.CONSENT_TO_SHARE),
				actor.name(), now));
	}

	/**
	 * Records the id of the deal's record in the partner's CRM as its CRM ID. This is
	 * bookkeeping, not a change to the deal, so it is allowed on won and lost deals too:
	 * the CRM may learn of a deal only after it closed. Linking the id already recorded
	 * changes nothing.
	 */
	void linkCrmRecord(String crmRecordId, Actor actor, Instant now) {
		if (!isDeal()) {
			throw DomainException.conflict("This referral is " + this.substatus.status() + "/" + this.substatus
					+ "; only an accepted, won or lost referral is linked to a CRM record");
		}
		String id = Text.required("externalReferenceId", crmRecordId, 100);
		if (id.equals(this.externalReferenceId)) {
			return;
		}
		Map<String, FieldChange> changes = Map.of("externalReferenceId", FieldChange.of(this.externalReferenceId, id));
		this.externalReferenceId = id;
		record(actor, now, "crmLinked", changes);
		this.events.add(new ReferralUpdated(id(), organizationId(), List.of("externalReferenceId"), actor.name(), now));
	}

	/**
	 * Records how a record built outside {@link #receive} came to be (a partner's deal,
	 * an invitation), with its events.
	 */
	void opened(Actor actor, Instant now, String action, Map<String, FieldChange> changes,
			@Nullable ReferralEvent event, EngagementEvent... engagementEvents) {
		record(actor, now, action, changes);
		if (event != null) {
			this.events.add(event);
		}
		this.progress.tell(engagementEvents);
	}

	/**
	 * Why the partner may not register this deal's win with the vendor now (see
	 * {@link DealProgress#registrationRefusal}), or empty when it may.
	 */
	public Optional<RegistrationRefusedException> registrationRefusal(Instant now) {
		return this.progress.registrationRefusal(this.substatus, requirements(), createdAt(), now);
	}

	/**
	 * Received and within the response window: the partner can still accept or decline.
	 */
	public boolean awaitsResponse(Instant now) {
		return this.substatus == Substatus.Received && now.isBefore(this.created.expiresAt());
	}

	/**
	 * Received, but the response window is over: nobody can answer any more, and the
	 * expiry sweep archives it soon.
	 */
	public boolean missedResponseWindow(Instant now) {
		return this.substatus == Substatus.Received && !now.isBefore(this.created.expiresAt());
	}

	/**
	 * The time left to accept or decline, or null once the referral no longer awaits a
	 * response.
	 */
	public @Nullable Duration responseTimeLeft(Instant now) {
		return awaitsResponse(now) ? Duration.between(now, this.created.expiresAt()) : null;
	}

	/**
	 * Accepted and open: the partner works the deal (edits it, adds people, closes it).
	 */
	public boolean isWorkable() {
		return this.substatus == Substatus.Accepted;
	}

	/**
	 * Accepted, won or lost: the partner took the lead on, so it is a deal that a CRM
	 * opportunity can track and that can be linked to a CRM record.
	 */
	public boolean isDeal() {
		return this.substatus == Substatus.Accepted || this.substatus == Substatus.Won
				|| this.substatus == Substatus.Lost;
	}

	/** Won, lost, declined or expired: it refuses every change. */
	public boolean isArchived() {
		return this.substatus.isArchived();
	}

	/** The customer asked to be contacted and the partner has not answered yet. */
	public boolean contactRequestUnanswered() {
		return this.created.contactRequestedAt() != null && this.substatus == Substatus.Received;
	}

	/**
	 * Whether the customer's contact request is unanswered and still fresh enough to be
	 * urgent: once the lead is accepted or archived, nobody needs to hurry any more.
	 */
	public boolean isContactRequestUrgent(Instant now, Duration urgency) {
		Instant requestedAt = this.created.contactRequestedAt();
		return contactRequestUnanswered() && requestedAt != null && now.isBefore(requestedAt.plus(urgency));
	}

	/** Whether the organization owns this record, and so may act on it. */
	public boolean isOwnedBy(OrganizationId organization) {
		return this.created.organizationId().equals(organization);
	}

	/**
	 * Whether vendor staff see this record (see {@link DealProgress#visibleToVendor}).
	 */
	public boolean visibleToVendor() {
		return this.progress.visibleToVendor(this.created.organizationId(), this.created.vendorOrganizationId());
	}

	/**
	 * The organization whose location this record is on (see
	 * {@link DealProgress#locationOrganizationId}).
	 */
	public OrganizationId locationOrganizationId() {
		return this.progress.locationOrganizationId(this.created.organizationId(), this.created.vendorOrganizationId());
	}

	/**
	 * The record's direction for its owner: deals go out, leads and invitations come in.
	 */
	public Direction direction() {
		return engagement().origin().direction();
	}

	private void enterStage(DealStage target, Map<String, FieldChange> changes) {
		this.progress.enter(target, changes);
		this.attributes = this.attributes.withSalesStage(target.salesStage());
	}

	private void enterStageIfCoSell(DealStage target, Map<String, FieldChange> changes) {
		if (engagement().isCoSell()) {
			enterStage(target, changes);
		}
	}

	/**
	 * An invitation tells the inviter of every answer and every later change of stage.
	 */
	private void tellInviter(Instant now, @Nullable String reason) {
		this.progress.tellInviter(this, now, reason);
	}

	private void requireStage(Substatus required, String action) {
		if (this.substatus != required) {
			throw DomainException.conflict("This referral is " + this.substatus.status() + "/" + this.substatus
					+ "; only a " + required + " referral can be " + action);
		}
	}

	private void requireWithinResponseWindow(Instant now) {
		if (!now.isBefore(this.created.expiresAt())) {
			throw DomainException.conflict("The response window of this referral ended at " + this.created.expiresAt()
					+ "; it is being archived as Expired");
		}
	}

	private void apply(DealDetails details) {
		this.name = details.name();
		this.dealValue = details.value();
		this.closingAt = details.closingAt();
		this.notes = details.notes();
		this.externalReferenceId = details.externalReferenceId();
		this.campaignId = details.campaignId();
	}

	private void record(Actor actor, Instant now, String action, Map<String, FieldChange> changes) {
		this.updatedAt = now;
		this.timeline.add(new PendingEntry(actor, now, action, Map.copyOf(changes)));
	}

	/** Events registered since the referral was loaded; cleared once published. */
	List<ReferralEvent> pendingEvents() {
		return List.copyOf(this.events);
	}

	/** Timeline entries recorded since the referral was loaded. */
	List<PendingEntry> pendingTimeline() {
		return List.copyOf(this.timeline);
	}

	/** Events for the inviter of an invitation, registered since it was loaded. */
	List<EngagementEvent> pendingEngagementEvents() {
		return this.progress.pendingEngagementEvents();
	}

	void markPersisted(int newVersion) {
		this.version = newVersion;
		this.events.clear();
		this.progress.markPersisted();
		this.timeline.clear();
	}

	public ReferralId id() {
		return this.created.id();
	}

	public OrganizationId organizationId() {
		return this.created.organizationId();
	}

	public OrganizationId vendorOrganizationId() {
		return this.created.vendorOrganizationId();
	}

	public LocationId locationId() {
		return this.created.locationId();
	}

	public UUID engagementId() {
		return this.created.engagementId();
	}

	public Qualification qualification() {
		return this.created.qualification();
	}

	public ReferralType type() {
		return this.created.type();
	}

	public Consent consent() {
		return this.created.consent();
	}

	public Requirements requirements() {
		return this.created.requirements();
	}

	public @Nullable String inviteNotes() {
		return this.created.inviteNotes();
	}

	/**
	 * What the customer asked for when the lead came in; accepting leaves it as it was.
	 */
	public @Nullable String customerRequest() {
		return this.created.customerRequest();
	}

	public String createdBy() {
		return this.created.createdBy();
	}

	public String createdByName() {
		return this.created.createdByName();
	}

	public Instant createdAt() {
		return this.created.createdAt();
	}

	public Instant expiresAt() {
		return this.created.expiresAt();
	}

	public @Nullable Instant contactRequestedAt() {
		return this.created.contactRequestedAt();
	}

	public Customer customer() {
		return this.customer;
	}

	public @Nullable String name() {
		return this.name;
	}

	public @Nullable String externalReferenceId() {
		return this.externalReferenceId;
	}

	public @Nullable String campaignId() {
		return this.campaignId;
	}

	public Substatus substatus() {
		return this.substatus;
	}

	public Status status() {
		return this.substatus.status();
	}

	public @Nullable String statusReason() {
		return this.statusReason;
	}

	public @Nullable String notes() {
		return this.notes;
	}

	public @Nullable Money dealValue() {
		return this.dealValue;
	}

	public @Nullable Instant closingAt() {
		return this.closingAt;
	}

	public List<TeamMember> team() {
		return this.team;
	}

	public @Nullable Instant acceptedAt() {
		return this.acceptedAt;
	}

	public @Nullable Instant closedAt() {
		return this.closedAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	public int version() {
		return this.version;
	}

	public ReferralAttributes attributes() {
		return this.attributes;
	}

	public Engagement engagement() {
		return this.progress.engagement();
	}

	/** The sales stage of an accepted (or won, or lost) deal; null for leads. */
	public @Nullable DealStage stage() {
		return this.progress.stage();
	}

	/** A timeline entry not yet written. */
	record PendingEntry(Actor actor, Instant occurredAt, String action, Map<String, FieldChange> changes) {
	}

}
