package org.leadrelay.referral.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.Actor;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.RegistrationRefusedException;
import org.leadrelay.referral.TimelineEntry.FieldChange;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.Text;

/**
 * A partner's registration of its won deal with the vendor, and the rules of its
 * lifecycle:
 *
 * <pre>
 * (won deal, 72 h old) ──register──▶ Pending ──approve──▶ Approved
 *                                       └────reject (reason)──▶ Rejected
 * </pre>
 *
 * Which deals may be registered is the deal's to say
 * ({@link Referral#registrationRefusal}); a decision is final. Each transition notes
 * itself for the deal's timeline.
 */
public class DealRegistration {

	/** The longest reason the vendor gives. */
	public static final int MAX_REASON = 500;

	private final UUID id;

	private final ReferralId referralId;

	private final OrganizationId organizationId;

	private final OrganizationId vendorOrganizationId;

	private final List<String> products;

	private final Money value;

	private final Instant registeredAt;

	private final String registeredByName;

	private RegistrationStatus status;

	private @Nullable String statusReason;

	private @Nullable Instant decidedAt;

	private @Nullable String decidedByName;

	private int version;

	private final List<DealNote> notes = new ArrayList<>();

	DealRegistration(UUID id, ReferralId referralId, OrganizationId organizationId, OrganizationId vendorOrganizationId,
			List<String> products, Money value, Instant registeredAt, String registeredByName,
			RegistrationStatus status, @Nullable String statusReason, @Nullable Instant decidedAt,
			@Nullable String decidedByName, int version) {
		this.id = id;
		this.referralId = referralId;
		this.organizationId = organizationId;
		this.vendorOrganizationId = vendorOrganizationId;
		this.products = List.copyOf(products);
		this.value = value;
		this.registeredAt = registeredAt;
		this.registeredByName = registeredByName;
		this.status = status;
		this.statusReason = statusReason;
		this.decidedAt = decidedAt;
		this.decidedByName = decidedByName;
		this.version = version;
	}

	/**
	 * The deal's owner registers its win with the vendor: for the deal's catalogue
	 * products (all of them unless it names some) and its value unless it states the
	 * contract's.
	 */
	static DealRegistration register(UUID id, Referral deal, List<String> products, @Nullable Money value, Actor actor,
			Instant now) {
		Optional<RegistrationRefusedException> refusal = deal.registrationRefusal(now);
		if (refusal.isPresent()) {
			throw refusal.get();
		}
		List<String> dealProducts = deal.requirements().products();
		List<String> registered = products.isEmpty() ? dealProducts : List.copyOf(products);
		registered.stream().filter(product -> !dealProducts.contains(product)).findFirst().ifPresent(product -> {
			throw DomainException.invalid("registrations/solutionDetails",
					"'" + product + "' is not one of this deal's products (" + String.join(", ", dealProducts) + ")");
		});
		Money contract = value != null ? value : deal.dealValue();
		if (contract == null) {
			throw DomainException.invalid("registrations/contract/value", "The registration needs the contract value");
		}
		DealRegistration registration = new DealRegistration(id, deal.id(), deal.organizationId(),
				deal.vendorOrganizationId(), registered, contract, now, actor.name(), RegistrationStatus.Pending, null,
				null, null, 0);
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		changes.put("registrationStatus", new FieldChange(null, RegistrationStatus.Pending.name()));
		changes.put("registrations/solutionDetails", new FieldChange(null, String.join(", ", registered)));
		registration.note(actor, now, "registered", changes);
		return registration;
	}

	/** The vendor admin approves the registration, with an optional reason. */
	void approve(@Nullable String reason, Actor actor, Instant now) {
		decide(RegistrationStatus.Approved, Text.optional("statusReason", reason, MAX_REASON), actor, now);
	}

	/** The vendor admin rejects the registration, and must say why. */
	void reject(@Nullable String reason, Actor actor, Instant now) {
		if (reason == null || reason.isBlank()) {
			throw DomainException.invalid("statusReason", "A rejection needs a reason");
		}
		decide(RegistrationStatus.Rejected, Text.required("statusReason", reason, MAX_REASON), actor, now);
	}

	private void decide(RegistrationStatus decision, @Nullable String reason, Actor actor, Instant now) {
		if (this.status != RegistrationStatus.Pending) {
			throw DomainException.conflict(
					"This registration is " + this.status + "; only a pending registration is approved or rejected");
		}
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		changes.put("registrationStatus", new FieldChange(this.status.name(), decision.name()));
		if (reason != null) {
			changes.put("registrationReason", new FieldChange(null, reason));
		}
		this.status = decision;
		this.statusReason = reason;
		this.decidedAt = now;
		this.decidedByName = actor.name();
		note(actor, now, decision == RegistrationStatus.Approved ? "registrationApproved" : "registrationRejected",
				changes);
	}

	private void note(Actor actor, Instant now, String action, Map<String, FieldChange> changes) {
		this.notes.add(new DealNote(this.organizationId, this.referralId, actor, now, action, changes));
	}

	/** Waiting for the vendor's decision. */
	public boolean isPending() {
		return this.status == RegistrationStatus.Pending;
	}

	/** Timeline entries noted since the registration was loaded. */
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

	public ReferralId referralId() {
		return this.referralId;
	}

	public OrganizationId organizationId() {
		return this.organizationId;
	}

	public OrganizationId vendorOrganizationId() {
		return this.vendorOrganizationId;
	}

	public List<String> products() {
		return this.products;
	}

	public Money value() {
		return this.value;
	}

	public Instant registeredAt() {
		return this.registeredAt;
	}

	public String registeredByName() {
		return this.registeredByName;
	}

	public RegistrationStatus status() {
		return this.status;
	}

	public @Nullable String statusReason() {
		return this.statusReason;
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

}
