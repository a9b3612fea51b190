package org.leadrelay.referral.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Map;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.leadrelay.platform.web.LocaleFormats;
import org.leadrelay.referral.DealDetails;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.Referral;

/**
 * The deal a partner states when it accepts a lead and edits while working it.
 *
 * @param version the lead's version when the form was opened, so that a change made by
 * someone else meanwhile is noticed
 * @param purchaseDate the estimated purchase date, stored as its midnight UTC
 */
record DealForm(@Nullable Integer version, @NotBlank @Size(max = 200) @Nullable String name,
		@NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) @Nullable BigDecimal value,
		@NotBlank @Nullable String currency, @NotNull @Nullable LocalDate purchaseDate,
		@NotBlank @Size(max = DealDetails.MAX_NOTES) @Nullable String notes, @Size(max = 100) @Nullable String crmId,
		@Size(max = 100) @Nullable String campaignId) {

	/** Domain targets and the fields of this form they name. */
	private static final Map<String, String> FIELDS = Map.of("name", "name", "details/dealValue", "value",
			"details/currency", "currency", "details/closingDateTime", "purchaseDate", "details/notes", "notes",
			"externalReferenceId", "crmId", "campaignId", "campaignId");

	static final DealForm EMPTY = new DealForm(null, null, null, null, null, null, null, null);

	/**
	 * The form filled with what the lead already says, the amount without the stored
	 * ".00" that a number field would show; without a value yet, the program's default
	 * currency is chosen. The notes are the partner's own: a lead not accepted yet has
	 * none, and the customer's request is shown beside the field.
	 */
	static DealForm of(Referral lead, Currency defaultCurrency) {
		Money value = lead.dealValue();
		return new DealForm(lead.version(), lead.name(), value == null ? null : LocaleFormats.plain(value.amount()),
				(value == null ? defaultCurrency : value.currency()).getCurrencyCode(),
				lead.closingAt() == null ? null : LocalDate.ofInstant(lead.closingAt(), ZoneOffset.UTC),
				lead.isDeal() ? lead.notes() : null, lead.externalReferenceId(), lead.campaignId());
	}

	/** The deal as the domain takes it; refused input names its field. */
	DealDetails details() {
		return DealDetails.of(this.name, this.value == null ? null : Money.of(this.value, this.currency),
				this.purchaseDate == null ? null : this.purchaseDate.atStartOfDay(ZoneOffset.UTC).toInstant(),
				this.notes, this.crmId, this.campaignId);
	}

	static @Nullable String field(String target) {
		return FIELDS.get(target);
	}

}
