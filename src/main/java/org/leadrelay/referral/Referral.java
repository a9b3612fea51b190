package org.leadrelay.referral;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.LocationId;
import org.leadrelay.referral.DealStageRefusedException.Reason;
import org.leadrelay.referral.EngagementEvent.RelatedReferralUpdated;
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

	private final ReferralId id;

	private final OrganizationId organizationId;

	private final OrganizationId vendorOrganizationId;

	private final LocationId locationId;

	private final UUID engagementId;

	private final Qualification qualification;

	private final ReferralType type;

	private final Consent consent;

	private final Requirements requirements;

	private final @Nullable String inviteNotes;

	/**
	 * What the customer asked for, as the lead came in: kept apart from the deal's notes,
	 * which the partner states when it accepts and may edit.
	 */
	private final @Nullable String customerRequest;

	private final String createdBy;

	private final String createdByName;

	private final Instant createdAt;

	private final Instant expiresAt;

	private final @Nullable Instant contactRequestedAt;

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

	private Engagement engagement;

	private @Nullable DealStage stage;

	private final List<ReferralEvent> events = new ArrayList<>();

	private final List<EngagementEvent> engagementEvents = new ArrayList<>();

	private final List<PendingEntry> timeline = new ArrayList<>();

	Referral(ReferralState state) {
		this.id = state.id();
		this.organizationId = state.organizationId();
		this.vendorOrganizationId = state.vendorOrganizationId();
		this.locationId = state.locationId();
		this.engagementId = state.engagementId();
		this.qualification = state.qualification();
		this.type = state.type();
		this.consent = state.consent();
		this.requirements = state.requirements();
		this.inviteNotes = state.inviteNotes();
		this.customerRequest = state.customerRequest();
		this.createdBy = state.createdBy();
		this.createdByName = state.createdByName();
		this.createdAt = state.createdAt();
		this.expiresAt = state.expiresAt();
		this.contactRequestedAt = state.contactRequestedAt();
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
		this.engagement = state.engagement();
		this.stage = state.stage();
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
		Map<String, FieldChange> changes = changes(details);
		changes.put("substatus", change(this.substatus, Substatus.Accepted));
		apply(details);
		for (TeamMember contact : customerContacts) {
			this.customer = this.customer.withContact(contact);
			changes.put("customerProfile/team/" + (this.customer.contacts().size() - 1),
					change(null, contact.fullName()));
		}
		this.substatus = Substatus.Accepted;
		this.acceptedAt = now;
		if (this.engagement.isCoSell()) {
			enterStage(DealStage.Accepted, changes);
		}
		record(actor, now, "accepted", changes);
		this.events.add(new ReferralAccepted(this.id, this.organizationId, actor.name(), now));
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
		changes.put("substatus", change(this.substatus, Substatus.Declined));
		changes.put("statusReason", change(this.statusReason, reason));
		if (notesText != null) {
			changes.put("declineNotes", change(null, notesText));
		}
		this.substatus = Substatus.Declined;
		this.statusReason = reason;
		this.closedAt = now;
		record(actor, now, "declined", changes);
		this.events.add(new ReferralDeclined(this.id, this.organizationId, reason, notesText, actor.name(), now));
		tellInviter(now, reason);
	}

	/**
	 * The system archives a referral nobody answered within the response window.
	 */
	void expire(Instant now) {
		requireStage(Substatus.Received, "expired");
		if (now.isBefore(this.expiresAt)) {
			throw DomainException
				.conflict("The referral is open until " + this.expiresAt + " and cannot expire before");
		}
		Map<String, FieldChange> changes = Map.of("substatus", change(this.substatus, Substatus.Expired));
		this.substatus = Substatus.Expired;
		this.closedAt = now;
		record(Actor.SYSTEM, now, "expired", changes);
		this.events.add(new ReferralExpired(this.id, this.organizationId, now));
		tellInviter(now, null);
	}

	/**
	 * Changes the deal details of an accepted referral. Nothing changed is not an edit.
	 */
	void edit(DealDetails details, Actor actor, Instant now) {
		requireStage(Substatus.Accepted, "edited");
		Map<String, FieldChange> changes = changes(details);
		if (changes.isEmpty()) {
			return;
		}
		apply(details);
		record(actor, now, "edited", changes);
		this.events
			.add(new ReferralUpdated(this.id, this.organizationId, List.copyOf(changes.keySet()), actor.name(), now));
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
		Map<String, FieldChange> changes = Map.of("team", change(names(this.team), names(members)));
		this.team = List.copyOf(members);
		record(actor, now, "teamChanged", changes);
		this.events.add(new ReferralUpdated(this.id, this.organizationId, List.of("team"), actor.name(), now));
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
		names.forEach(name -> changes.put(name, change(before.get(name), after.get(name))));
		this.attributes = changed;
		record(actor, now, "attributesChanged", changes);
		this.events.add(new ReferralUpdated(this.id, this.organizationId, names, actor.name(), now));
	}

	/** Adds a contact at the customer. */
	void addCustomerContact(TeamMember contact, Actor actor, Instant now) {
		requireStage(Substatus.Accepted, "given customer contacts");
		if (this.customer.contacts().size() >= 50) {
			throw DomainException.invalid("customerProfile/team", "A customer has at most 50 contacts");
		}
		this.customer = this.customer.withContact(contact);
		record(actor, now, "customerContactAdded", Map
			.of("customerProfile/team/" + (this.customer.contacts().size() - 1), change(null, contact.fullName())));
		this.events
			.add(new ReferralUpdated(this.id, this.organizationId, List.of("customerProfile/team"), actor.name(), now));
	}

	/** The deal was won: the referral is archived. */
	void markWon(Actor actor, Instant now) {
		requireStage(Substatus.Accepted, "marked won");
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		changes.put("substatus", change(this.substatus, Substatus.Won));
		if (this.engagement.isCoSell()) {
			enterStage(DealStage.Won, changes);
		}
		this.substatus = Substatus.Won;
		this.closedAt = now;
		record(actor, now, "won", changes);
		this.events.add(new ReferralWon(this.id, this.organizationId, actor.name(), now));
		tellInviter(now, null);
	}

	/** The deal was lost, for an optional reason: the referral is archived. */
	void markLost(@Nullable LostReason reason, Actor actor, Instant now) {
		requireStage(Substatus.Accepted, "marked lost");
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		changes.put("substatus", change(this.substatus, Substatus.Lost));
		if (reason != null) {
			changes.put("statusReason", change(this.statusReason, reason));
		}
		this.substatus = Substatus.Lost;
		this.statusReason = reason == null ? null : reason.name();
		this.closedAt = now;
		record(actor, now, "lost", changes);
		this.events.add(new ReferralLost(this.id, this.organizationId, reason, actor.name(), now));
		tellInviter(now, this.statusReason);
	}

	/**
	 * Moves an accepted deal to another sales stage, forward or back. Won comes only with
	 * winning the deal, and Accepted, where deals start, is not returned to. A lead has
	 * no sales stages.
	 */
	void moveTo(DealStage target, Actor actor, Instant now) {
		if (!this.engagement.isCoSell()) {
			throw new DealStageRefusedException(Reason.LEAD,
					"This is a lead, not a co-sell deal; only deals move between sales stages");
		}
		if (this.substatus != Substatus.Accepted) {
			throw new DealStageRefusedException(Reason.NOT_OPEN,
					"This deal is " + this.substatus.status() + "/" + this.substatus
							+ "; only an accepted deal moves between sales stages",
					DealStageRefusedException.named(this.substatus));
		}
		if (target == DealStage.Won) {
			throw new DealStageRefusedException(Reason.WON,
					"A deal reaches Won when it is marked won (status Closed, substatus Won)");
		}
		if (target == this.stage) {
			return;
		}
		if (target == DealStage.Accepted) {
			throw new DealStageRefusedException(Reason.BACK_TO_ACCEPTED, "This deal is " + this.stage
					+ "; it cannot go back to Accepted, where deals start (the earliest stage after it is Qualified)",
					DealStageRefusedException.named(Objects.requireNonNull(this.stage)));
		}
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		enterStage(target, changes);
		record(actor, now, "stageChanged", changes);
		this.events.add(new ReferralUpdated(this.id, this.organizationId, List.of("salesStage"), actor.name(), now));
		tellInviter(now, null);
	}

	/**
	 * Moves the deal to the stage an API client names by its sales stage; the sales stage
	 * the deal is in already changes nothing.
	 */
	void moveTo(SalesStage salesStage, Actor actor, Instant now) {
		if (this.stage == null || this.stage.salesStage() != salesStage) {
			moveTo(DealStage.of(salesStage), actor, now);
		}
	}

	/**
	 * The customer agreed that the vendor may see this private deal: it becomes
	 * partner-led, and vendor staff see it. Sharing cannot be taken back.
	 */
	void shareWithVendor(Actor actor, Instant now) {
		DealType type = this.engagement.dealType();
		if (this.engagement.origin() != Origin.Deal || type == null
				|| !(type == DealType.Private || type == DealType.PartnerLed || type == DealType.CoSell)) {
			throw DomainException.invalid("consent/consentToShareReferralWithMicrosoftSellers",
					"Only a partner's own private deal is shared with the vendor");
		}
		if (type != DealType.Private) {
			return;
		}
		if (isArchived()) {
			throw DomainException.conflict("This deal is " + this.substatus.status() + "/" + this.substatus
					+ "; an archived deal is no longer shared");
		}
		this.engagement = this.engagement.sharedWithVendor();
		this.attributes = this.attributes.withConsentToShareWithVendor(true);
		record(actor, now, "sharedWithVendor", Map.of("dealType", change(type, DealType.PartnerLed)));
		this.events.add(new ReferralUpdated(this.id, this.organizationId, List.of(ReferralAttributes.CONSENT_TO_SHARE),
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
		Map<String, FieldChange> changes = Map.of("externalReferenceId", change(this.externalReferenceId, id));
		this.externalReferenceId = id;
		record(actor, now, "crmLinked", changes);
		this.events
			.add(new ReferralUpdated(this.id, this.organizationId, List.of("externalReferenceId"), actor.name(), now));
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
		this.engagementEvents.addAll(List.of(engagementEvents));
	}

	/**
	 * Received and within the response window: the partner can still accept or decline.
	 */
	public boolean awaitsResponse(Instant now) {
		return this.substatus == Substatus.Received && now.isBefore(this.expiresAt);
	}

	/**
	 * Received, but the response window is over: nobody can answer any more, and the
	 * expiry sweep archives it soon.
	 */
	public boolean missedResponseWindow(Instant now) {
		return this.substatus == Substatus.Received && !now.isBefore(this.expiresAt);
	}

	/**
	 * The time left to accept or decline, or null once the referral no longer awaits a
	 * response.
	 */
	public @Nullable Duration responseTimeLeft(Instant now) {
		return awaitsResponse(now) ? Duration.between(now, this.expiresAt) : null;
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
		return this.contactRequestedAt != null && this.substatus == Substatus.Received;
	}

	/**
	 * Whether the customer's contact request is unanswered and still fresh enough to be
	 * urgent: once the lead is accepted or archived, nobody needs to hurry any more.
	 */
	public boolean isContactRequestUrgent(Instant now, Duration urgency) {
		return contactRequestUnanswered() && this.contactRequestedAt != null
				&& now.isBefore(this.contactRequestedAt.plus(urgency));
	}

	/** Whether the organization owns this record, and so may act on it. */
	public boolean isOwnedBy(OrganizationId organization) {
		return this.organizationId.equals(organization);
	}

	/**
	 * Whether vendor staff see this record: every lead and the vendor's own invitations,
	 * and a partner's deal only when the partner shares it (partner-led).
	 */
	public boolean visibleToVendor() {
		DealType type = this.engagement.dealType();
		return this.engagement.origin() == Origin.Lead || this.organizationId.equals(this.vendorOrganizationId)
				|| this.engagement.origin() == Origin.Deal && type != null && type.visibleToVendor();
	}

	/**
	 * The organization whose location this record is on: its owner's, except for the
	 * vendor's record of a co-sell invitation, which sits on the inviting partner's.
	 */
	public OrganizationId locationOrganizationId() {
		Inviter inviter = this.engagement.inviter();
		return inviter != null && this.organizationId.equals(this.vendorOrganizationId) ? inviter.organizationId()
				: this.organizationId;
	}

	/**
	 * The record's direction for its owner: deals go out, leads and invitations come in.
	 */
	public Direction direction() {
		return this.engagement.origin().direction();
	}

	private void enterStage(DealStage target, Map<String, FieldChange> changes) {
		changes.put("salesStage", change(this.stage, target));
		this.stage = target;
		this.attributes = this.attributes.withSalesStage(target.salesStage());
	}

	/**
	 * An invitation tells the inviter of every answer and every later change of stage.
	 */
	private void tellInviter(Instant now, @Nullable String reason) {
		Inviter inviter = this.engagement.inviter();
		if (inviter != null) {
			this.engagementEvents.add(new RelatedReferralUpdated(this.engagementId, this.id, this.organizationId,
					inviter, this.substatus, this.stage, reason, now));
		}
	}

	private void requireStage(Substatus required, String action) {
		if (this.substatus != required) {
			throw DomainException.conflict("This referral is " + this.substatus.status() + "/" + this.substatus
					+ "; only a " + required + " referral can be " + action);
		}
	}

	private void requireWithinResponseWindow(Instant now) {
		if (!now.isBefore(this.expiresAt)) {
			throw DomainException.conflict("The response window of this referral ended at " + this.expiresAt
					+ "; it is being archived as Expired");
		}
	}

	private Map<String, FieldChange> changes(DealDetails details) {
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		diff(changes, "name", this.name, details.name());
		diff(changes, "details/dealValue", this.dealValue == null ? null : this.dealValue.amount().toPlainString(),
				details.value().amount().toPlainString());
		diff(changes, "details/currency", this.dealValue == null ? null : this.dealValue.currency().getCurrencyCode(),
				details.value().currency().getCurrencyCode());
		diff(changes, "details/closingDateTime", this.closingAt, details.closingAt());
		diff(changes, "details/notes", this.notes, details.notes());
		diff(changes, "externalReferenceId", this.externalReferenceId, details.externalReferenceId());
		diff(changes, "campaignId", this.campaignId, details.campaignId());
		return changes;
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

	private static void diff(Map<String, FieldChange> changes, String field, @Nullable Object from,
			@Nullable Object to) {
		if (!Objects.equals(from, to)) {
			changes.put(field, change(from, to));
		}
	}

	private static FieldChange change(@Nullable Object from, @Nullable Object to) {
		return new FieldChange(from == null ? null : from.toString(), to == null ? null : to.toString());
	}

	private static String names(List<TeamMember> members) {
		return String.join(", ", members.stream().map(TeamMember::fullName).toList());
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
		return List.copyOf(this.engagementEvents);
	}

	void markPersisted(int newVersion) {
		this.version = newVersion;
		this.events.clear();
		this.engagementEvents.clear();
		this.timeline.clear();
	}

	public ReferralId id() {
		return this.id;
	}

	public OrganizationId organizationId() {
		return this.organizationId;
	}

	public OrganizationId vendorOrganizationId() {
		return this.vendorOrganizationId;
	}

	public LocationId locationId() {
		return this.locationId;
	}

	public UUID engagementId() {
		return this.engagementId;
	}

	public Qualification qualification() {
		return this.qualification;
	}

	public ReferralType type() {
		return this.type;
	}

	public Consent consent() {
		return this.consent;
	}

	public Requirements requirements() {
		return this.requirements;
	}

	public @Nullable String inviteNotes() {
		return this.inviteNotes;
	}

	/**
	 * What the customer asked for when the lead came in; accepting leaves it as it was.
	 */
	public @Nullable String customerRequest() {
		return this.customerRequest;
	}

	public String createdBy() {
		return this.createdBy;
	}

	public String createdByName() {
		return this.createdByName;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant expiresAt() {
		return this.expiresAt;
	}

	public @Nullable Instant contactRequestedAt() {
		return this.contactRequestedAt;
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
		return this.engagement;
	}

	/** The sales stage of an accepted (or won, or lost) deal; null for leads. */
	public @Nullable DealStage stage() {
		return this.stage;
	}

	/** A timeline entry not yet written. */
	record PendingEntry(Actor actor, Instant occurredAt, String action, Map<String, FieldChange> changes) {
	}

}
