package org.leadrelay.referral;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.TimelineEntry.FieldChange;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.Text;

/**
 * What a partner states when it accepts a referral, and may edit while working it: deal
 * name, estimated value, estimated purchase date and notes are required; its CRM id and
 * the campaign id are optional.
 */
public record DealDetails(String name, Money value, Instant closingAt, String notes,
		@Nullable String externalReferenceId, @Nullable String campaignId) {

	public static final int MAX_NOTES = 10_000;

	/**
	 * Validates raw input; each missing or malformed field is reported under its API
	 * name.
	 */
	public static DealDetails of(@Nullable String name, @Nullable Money value, @Nullable Instant closingAt,
			@Nullable String notes, @Nullable String externalReferenceId, @Nullable String campaignId) {
		String dealName = Text.required("name", name, 200);
		if (value == null) {
			throw DomainException.invalid("details/dealValue", "details/dealValue and details/currency are required");
		}
		if (closingAt == null) {
			throw DomainException.invalid("details/closingDateTime",
					"details/closingDateTime (the estimated purchase date) is required");
		}
		return new DealDetails(dealName, value, closingAt, Text.required("details/notes", notes, MAX_NOTES),
				Text.optional("externalReferenceId", externalReferenceId, 100),
				Text.optional("campaignId", campaignId, 100));
	}

	/** What these details change of the deal's current ones, by API name. */
	Map<String, FieldChange> changesFrom(Referral current) {
		Money before = current.dealValue();
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		FieldChange.diff(changes, "name", current.name(), this.name);
		FieldChange.diff(changes, "details/dealValue", before == null ? null : before.amount().toPlainString(),
				this.value.amount().toPlainString());
		FieldChange.diff(changes, "details/currency", before == null ? null : before.currency().getCurrencyCode(),
				this.value.currency().getCurrencyCode());
		FieldChange.diff(changes, "details/closingDateTime", current.closingAt(), this.closingAt);
		FieldChange.diff(changes, "details/notes", current.notes(), this.notes);
		FieldChange.diff(changes, "externalReferenceId", current.externalReferenceId(), this.externalReferenceId);
		FieldChange.diff(changes, "campaignId", current.campaignId(), this.campaignId);
		return changes;
	}

}
