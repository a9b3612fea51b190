package org.leadrelay.referral.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.Customer;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralAttributes;
import org.leadrelay.referral.ReferralChanges;
import org.leadrelay.referral.ReferralChanges.DealField;
import org.leadrelay.referral.Status;
import org.leadrelay.referral.Substatus;
import org.leadrelay.referral.TeamMember;
import org.leadrelay.shared.DomainException;

/**
 * Reads the body of a {@code PUT}, a whole referral, as the changes it makes to the
 * referral as stored: what differs goes through the same rules as a JSON Patch. What no
 * stage lets change (the customer, the target, the consent, ...) must be sent as it is;
 * server-owned properties are ignored.
 */
final class ReferralReplacement {

	private final ReferralRequest body;

	private final Referral current;

	private ReferralReplacement(ReferralRequest body, Referral current) {
		this.body = body;
		this.current = current;
	}

	static ReferralChanges changes(ReferralRequest body, Referral current) {
		return new ReferralReplacement(body, current).changes();
	}

	private ReferralChanges changes() {
		requireUnchangedByTheApi();
		Substatus target = JsonPatchTranslator.targetSubstatus(
				this.body.status() == null ? null : ApiValues.enumValue("status", this.body.status(), Status.class),
				this.body.substatus() == null ? null
						: ApiValues.enumValue("substatus", this.body.substatus(), Substatus.class));
		String reason = text(this.body.statusReason());
		List<TeamMember> team = NewReferralMapper.members("team", this.body.team());
		ReferralAttributes attributes = NewReferralMapper.attributes(this.body);
		return new ReferralChanges(target == this.current.substatus() ? null : target,
				Objects.equals(reason, this.current.statusReason()) ? null : reason, dealFields(),
				team.equals(this.current.team()) ? null : team, List.of(), newCustomerContacts(), this.body.favorite(),
				attributes.differencesFrom(this.current.attributes()).isEmpty() ? null : attributes);
	}

	/** The deal fields whose value in the body differs from the stored one. */
	private Map<DealField, @Nullable Object> dealFields() {
		ReferralRequest.Details details = this.body.details() == null
				? new ReferralRequest.Details(null, null, null, null, null, null, null) : this.body.details();
		Money value = this.current.dealValue();
		Map<DealField, @Nullable Object> fields = new EnumMap<>(DealField.class);
		differs(fields, DealField.NAME, text(this.body.name()), this.current.name());
		differs(fields, DealField.NOTES, text(details.notes()), this.current.notes());
		differs(fields, DealField.EXTERNAL_REFERENCE_ID, text(this.body.externalReferenceId()),
				this.current.externalReferenceId());
		differs(fields, DealField.CAMPAIGN_ID, text(this.body.campaignId()), this.current.campaignId());
		BigDecimal amount = details.dealValue();
		if (amount == null ? value != null : value == null || amount.compareTo(value.amount()) != 0) {
			fields.put(DealField.DEAL_VALUE, amount);
		}
		String currency = text(details.currency());
		if (currency == null ? value != null
				: value == null || !currency.equalsIgnoreCase(value.currency().getCurrencyCode())) {
			fields.put(DealField.CURRENCY, currency);
		}
		Instant closing = ApiValues.instant("details/closingDateTime", details.closingDateTime());
		differs(fields, DealField.CLOSING, closing, this.current.closingAt());
		return fields;
	}

	/**
	 * Contacts at the customer are added, never changed or removed: the stored ones must
	 * come first, as they are.
	 */
	private List<TeamMember> newCustomerContacts() {
		if (this.body.customerProfile() == null || this.body.customerProfile().team() == null) {
			return List.of();
		}
		List<TeamMember> contacts = NewReferralMapper.members("customerProfile/team",
				this.body.customerProfile().team());
		List<TeamMember> stored = this.current.customer().contacts();
		if (contacts.size() < stored.size() || !contacts.subList(0, stored.size()).equals(stored)) {
			throw DomainException.invalid("customerProfile/team",
					"customerProfile/team: contacts at the customer are added after the ones there, not changed or removed");
		}
		return contacts.subList(stored.size(), contacts.size());
	}

	/** What the sender stated about the customer and the lead stays as sent. */
	private void requireUnchangedByTheApi() {
		ReferralRequest body = this.body;
		Referral current = this.current;
		if (body.qualification() != null) {
			unchanged("qualification", body.qualification(), current.qualification().name());
		}
		if (body.type() != null) {
			unchanged("type", body.type(), current.type().name());
		}
		if (body.target() != null && !body.target().isEmpty()) {
			UUID location = body.target().size() == 1 ? ApiValues.uuid(body.target().get(0).id()) : null;
			unchanged("target", location, current.locationId().value());
		}
		if (body.customerProfile() != null) {
			Customer customer = NewReferralMapper.customer(body.customerProfile());
			unchanged("customerProfile/name", customer.name(), current.customer().name());
			unchanged("customerProfile/address", customer.address(), current.customer().address());
			unchanged("customerProfile/size", customer.size(), current.customer().size());
		}
		if (body.consent() != null) {
			unchanged("consent/consentToContact", Boolean.TRUE.equals(body.consent().consentToContact()),
					current.consent().consentToContact());
			unchanged("consent/consentToToShareInfoWithOthers",
					Boolean.TRUE.equals(body.consent().consentToToShareInfoWithOthers()),
					current.consent().consentToShareInfoWithOthers());
		}
		if (body.details() != null && body.details().requirements() != null) {
			unchanged("details/requirements", NewReferralMapper.requirements(body.details().requirements()),
					current.requirements());
		}
		if (body.details() != null && body.details().customerRequestedContact() != null) {
			unchanged("details/customerRequestedContact", body.details().customerRequestedContact(),
					current.contactRequestedAt() != null);
		}
		if (body.inviteContext() != null) {
			unchanged("inviteContext/notes", text(body.inviteContext().notes()), current.inviteNotes());
		}
	}

	private static void unchanged(String target, @Nullable Object sent, @Nullable Object stored) {
		if (!Objects.equals(sent, stored)) {
			throw DomainException.invalid(target,
					target + " cannot change after the referral was sent; send it as GET returns it");
		}
	}

	private static void differs(Map<DealField, @Nullable Object> fields, DealField field, @Nullable Object sent,
			@Nullable Object stored) {
		if (!Objects.equals(sent, stored)) {
			fields.put(field, sent);
		}
	}

	/** Text as LeadRelay stores it: trimmed, blank as absent. */
	private static @Nullable String text(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
