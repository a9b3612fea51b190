package org.leadrelay.referral;

import org.leadrelay.shared.DomainException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A set of changes asked for at once (one API PATCH): a stage change, deal fields, team
 * members and the caller's favorite mark. Deal fields not mentioned keep their current
 * values, so a client may accept with only a status when the sender already gave the
 * rest.
 *
 * @param substatus the stage asked for, or null to stay
 * @param statusReason the decline or lost reason, if given
 * @param dealFields the deal fields mentioned, with their new values (null clears)
 * @param team a replacement for the whole deal team, or null to keep it
 * @param newTeamMembers members to add to the deal team
 * @param newCustomerContacts contacts to add at the customer
 * @param favorite the caller's favorite mark, or null to leave it
 * @param attributes a replacement for the Referrals API attributes, or null to keep them
 */
public record ReferralChanges(@Nullable Substatus substatus, @Nullable String statusReason,
		Map<DealField, @Nullable Object> dealFields, @Nullable List<TeamMember> team, List<TeamMember> newTeamMembers,
		List<TeamMember> newCustomerContacts, @Nullable Boolean favorite, @Nullable ReferralAttributes attributes) {

	public ReferralChanges {
		dealFields = dealFields.isEmpty() ? Map.of() : new EnumMap<>(dealFields);
		team = team == null ? null : List.copyOf(team);
		newTeamMembers = List.copyOf(newTeamMembers);
		newCustomerContacts = List.copyOf(newCustomerContacts);
	}

	/**
	 * Whether anything about the referral itself (not just the favorite mark) is to
	 * change.
	 */
	boolean touchesReferral() {
		return this.substatus != null || this.statusReason != null || !this.dealFields.isEmpty() || this.team != null
				|| !this.newTeamMembers.isEmpty() || !this.newCustomerContacts.isEmpty() || this.attributes != null;
	}

	/** The deal details after these changes, validated. */
	DealDetails dealDetails(Referral current) {
		Money currentValue = current.dealValue();
		BigDecimal amount = value(DealField.DEAL_VALUE, currentValue == null ? null : currentValue.amount());
		String currency = value(DealField.CURRENCY,
				currentValue == null ? null : currentValue.currency().getCurrencyCode());
		Money money = null;
		if (amount != null || currency != null) {
			if (currency == null) {
				throw DomainException.invalid("details/currency",
						"details/currency is required with details/dealValue");
			}
			if (amount == null) {
				throw DomainException.invalid("details/dealValue",
						"details/dealValue is required with details/currency");
			}
			money = Money.of(amount, currency);
		}
		return DealDetails.of(value(DealField.NAME, current.name()), money,
				value(DealField.CLOSING, current.closingAt()), value(DealField.NOTES, current.notes()),
				value(DealField.EXTERNAL_REFERENCE_ID, current.externalReferenceId()),
				value(DealField.CAMPAIGN_ID, current.campaignId()));
	}

	@SuppressWarnings("unchecked")
	private <T> @Nullable T value(DealField field, @Nullable T current) {
		return this.dealFields.containsKey(field) ? (T) this.dealFields.get(field) : current;
	}

	/**
	 * The deal fields a partner states and edits, with the value type each takes and its
	 * name in the API.
	 */
	public enum DealField {

		NAME(String.class, "name"), DEAL_VALUE(BigDecimal.class, "details/dealValue"),
		CURRENCY(String.class, "details/currency"), CLOSING(Instant.class, "details/closingDateTime"),
		NOTES(String.class, "details/notes"), EXTERNAL_REFERENCE_ID(String.class, "externalReferenceId"),
		CAMPAIGN_ID(String.class, "campaignId");

		private final Class<?> type;

		private final String apiName;

		DealField(Class<?> type, String apiName) {
			this.type = type;
			this.apiName = apiName;
		}

		public Class<?> type() {
			return this.type;
		}

		public String apiName() {
			return this.apiName;
		}

	}

}
