package org.leadrelay.referral.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.Actor;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.TimelineEntry.FieldChange;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.Text;

/**
 * Two partners' claims on the same customer and product, flagged for the vendor, who
 * decides with a reason:
 *
 * <pre>
 * Open ──keep one deal──▶ Resolved
 *   └────dismiss──────▶ Dismissed (both stand)
 * </pre>
 *
 * Each side's deal timeline notes the flag and the decision, naming neither the other
 * partner nor its deal: partners never see each other's deals.
 */
public class ChannelConflict {

	private final UUID id;

	private final OrganizationId vendorOrganizationId;

	private final Side first;

	private final Side second;

	private final List<String> products;

	private final Instant detectedAt;

	private ConflictStatus status;

	private @Nullable ReferralId keptReferralId;

	private @Nullable String reason;

	private @Nullable Instant decidedAt;

	private @Nullable String decidedByName;

	private int version;

	private final List<DealNote> notes = new ArrayList<>();

	ChannelConflict(UUID id, OrganizationId vendorOrganizationId, Side first, Side second, List<String> products,
			Instant detectedAt, ConflictStatus status, @Nullable ReferralId keptReferralId, @Nullable String reason,
			@Nullable Instant decidedAt, @Nullable String decidedByName, int version) {
		this.id = id;
		this.vendorOrganizationId = vendorOrganizationId;
		this.first = first;
		this.second = second;
		this.products = List.copyOf(products);
		this.detectedAt = detectedAt;
		this.status = status;
		this.keptReferralId = keptReferralId;
		this.reason = reason;
		this.decidedAt = decidedAt;
		this.decidedByName = decidedByName;
		this.version = version;
	}

	/**
	 * Flags two claims found in conflict ({@link Claim#conflictsWith}); the earlier one
	 * is the first side.
	 */
	static ChannelConflict flag(UUID id, OrganizationId vendor, Claim one, Claim other, Instant now) {
		if (one.organizationId().equals(other.organizationId())) {
			throw new IllegalArgumentException("A partner's claims do not conflict with each other");
		}
		boolean oneFirst = !one.createdAt().isAfter(other.createdAt());
		Claim first = oneFirst ? one : other;
		Claim second = oneFirst ? other : one;
		ChannelConflict conflict = new ChannelConflict(id, vendor, Side.of(first), Side.of(second),
				List.copyOf(first.sharedProducts(second)), now, ConflictStatus.Open, null, null, null, null, 0);
		Map<String, FieldChange> changes = Map.of("channelConflict", new FieldChange(null, ConflictStatus.Open.name()));
		conflict.noteBoth(Actor.SYSTEM, now, "conflictFlagged", changes);
		return conflict;
	}

	/**
	 * The vendor keeps one of the two deals: its claim stands and the other's does not.
	 * What that means for their registrations is the caller's to apply.
	 */
	void resolveKeeping(ReferralId kept, @Nullable String reason, Actor actor, Instant now) {
		if (!involves(kept)) {
			throw DomainException.invalid("kept", "Deal " + kept + " is not one of this conflict's deals");
		}
		decide(ConflictStatus.Resolved, kept, reason, actor, now);
	}

	/** The vendor finds no conflict: both deals stand. */
	void dismiss(@Nullable String reason, Actor actor, Instant now) {
		decide(ConflictStatus.Dismissed, null, reason, actor, now);
	}

	private void decide(ConflictStatus decision, @Nullable ReferralId kept, @Nullable String reason, Actor actor,
			Instant now) {
		if (this.status != ConflictStatus.Open) {
			throw DomainException.conflict("This conflict is " + this.status + " already");
		}
		if (reason == null || reason.isBlank()) {
			throw DomainException.invalid("reason", "Deciding a channel conflict needs a reason");
		}
		String because = Text.required("reason", reason, DealRegistration.MAX_REASON);
		this.status = decision;
		this.keptReferralId = kept;
		this.reason = because;
		this.decidedAt = now;
		this.decidedByName = actor.name();
		for (Side side : List.of(this.first, this.second)) {
			Map<String, FieldChange> changes = new LinkedHashMap<>();
			changes.put("channelConflict", new FieldChange(ConflictStatus.Open.name(), decision.name()));
			if (kept != null) {
				changes.put("conflictOutcome",
						new FieldChange(null, kept.equals(side.referralId()) ? "kept" : "notKept"));
			}
			changes.put("conflictReason", new FieldChange(null, because));
			this.notes.add(new DealNote(side.organizationId(), side.referralId(), actor, now,
					decision == ConflictStatus.Resolved ? "conflictResolved" : "conflictDismissed", changes));
		}
	}

	private void noteBoth(Actor actor, Instant now, String action, Map<String, FieldChange> changes) {
		this.notes.add(new DealNote(this.first.organizationId(), this.first.referralId(), actor, now, action, changes));
		this.notes
			.add(new DealNote(this.second.organizationId(), this.second.referralId(), actor, now, action, changes));
	}

	public boolean involves(ReferralId referral) {
		return this.first.referralId().equals(referral) || this.second.referralId().equals(referral);
	}

	/** The side of the conflict that is not the given deal's. */
	public Side otherThan(ReferralId referral) {
		return this.first.referralId().equals(referral) ? this.second : this.first;
	}

	public boolean isOpen() {
		return this.status == ConflictStatus.Open;
	}

	/** Timeline entries noted since the conflict was loaded. */
	List<DealNote> pendingNotes() {
		return List.copyOf(this.notes);
	}

	void markPersisted(int newVersion) {
		this.version = newVersion;
		this.notes.clear();
	}

	public UUID id() {
		return this.id;
	}

	public OrganizationId vendorOrganizationId() {
		return this.vendorOrganizationId;
	}

	public Side first() {
		return this.first;
	}

	public Side second() {
		return this.second;
	}

	public List<String> products() {
		return this.products;
	}

	public Instant detectedAt() {
		return this.detectedAt;
	}

	public ConflictStatus status() {
		return this.status;
	}

	public @Nullable ReferralId keptReferralId() {
		return this.keptReferralId;
	}

	public @Nullable String reason() {
		return this.reason;
	}

	public @Nullable Instant decidedAt() {
		return this.decidedAt;
	}

	public @Nullable String decidedByName() {
		return this.decidedByName;
	}

	public int version() {
		return this.version;
	}

	/** One partner's deal in the conflict. */
	public record Side(OrganizationId organizationId, ReferralId referralId) {

		static Side of(Claim claim) {
			return new Side(claim.organizationId(), claim.referralId());
		}

	}

}
