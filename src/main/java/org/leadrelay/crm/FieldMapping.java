package org.leadrelay.crm;

import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.DomainException;

/**
 * Which opportunity field in the CRM receives what from a lead, per connection. Field
 * names are API names ({@code estimatedvalue}, {@code Amount}); a blank optional field is
 * not synced. The stages say how an opportunity is opened and closed: Salesforce stage
 * names, or Dynamics 365 status reason values of the won and lost states.
 *
 * @param name the deal name
 * @param amount the estimated value (optional)
 * @param currency the value's currency (optional: a Salesforce org without multiple
 * currencies has no {@code CurrencyIsoCode})
 * @param closeDate the estimated purchase date
 * @param description the notes and the deal team (optional)
 * @param reference a custom field that holds the lead's LeadRelay id, so that LeadRelay
 * finds its opportunity again after a retry and recognizes its opportunities when polling
 * @param openStage the stage of a new opportunity (Salesforce only)
 * @param wonStage the stage (Salesforce) or status reason (Dynamics 365) of a won deal
 * @param lostStage the stage or status reason of a lost deal
 * @param dealStages the open stages of co-sell deals (the kind's defaults if left out)
 */
public record FieldMapping(@Nullable String name, @Nullable String amount, @Nullable String currency,
		@Nullable String closeDate, @Nullable String description, @Nullable String reference,
		@Nullable String openStage, @Nullable String wonStage, @Nullable String lostStage,
		@Nullable DealStageMapping dealStages) {

	/** API names only: they go into OData filters and SOQL queries. */
	private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,99}");

	private static final Pattern STATUS_REASON = Pattern.compile("[0-9]{1,9}");

	public static FieldMapping defaults(CrmKind kind) {
		return switch (kind) {
			case DYNAMICS_365 ->
				new FieldMapping("name", "estimatedvalue", "transactioncurrencyid", "estimatedclosedate", "description",
						"new_leadrelayid", null, "3", "4", DealStageMapping.defaults(kind));
			case SALESFORCE -> new FieldMapping("Name", "Amount", "CurrencyIsoCode", "CloseDate", "Description",
					"LeadRelay_Id__c", "Prospecting", "Closed Won", "Closed Lost", DealStageMapping.defaults(kind));
		};
	}

	/**
	 * This mapping trimmed and checked for the kind of CRM; a field at fault is refused
	 * naming it ({@code fieldMapping/amount}).
	 */
	public FieldMapping validFor(CrmKind kind) {
		FieldMapping mapping = new FieldMapping(fieldName("name", this.name, true),
				fieldName("amount", this.amount, false), fieldName("currency", this.currency, false),
				fieldName("closeDate", this.closeDate, true), fieldName("description", this.description, false),
				fieldName("reference", this.reference, true), blankToNull(this.openStage), blankToNull(this.wonStage),
				blankToNull(this.lostStage),
				(this.dealStages == null ? new DealStageMapping(null, null, null, null, null, null) : this.dealStages)
					.validFor(kind));
		if (kind == CrmKind.DYNAMICS_365) {
			if (mapping.openStage != null) {
				throw invalid("openStage",
						"Dynamics 365 opens every opportunity in its Open state; leave openStage empty");
			}
			statusReason("wonStage", mapping.wonStage);
			statusReason("lostStage", mapping.lostStage);
		}
		else {
			stageName("openStage", mapping.openStage);
			stageName("wonStage", mapping.wonStage);
			stageName("lostStage", mapping.lostStage);
		}
		return mapping;
	}

	/** This mapping, with the given deal stages if it has none. */
	FieldMapping orDealStages(@Nullable DealStageMapping stages) {
		return this.dealStages != null ? this : new FieldMapping(this.name, this.amount, this.currency, this.closeDate,
				this.description, this.reference, this.openStage, this.wonStage, this.lostStage, stages);
	}

	/**
	 * The deal stages of a stored mapping, which was checked ({@link #validFor}) or given
	 * the defaults by migration V138.
	 */
	public DealStageMapping stages() {
		return Objects.requireNonNull(this.dealStages, "a checked field mapping has deal stages");
	}

	private static @Nullable String fieldName(String field, @Nullable String value, boolean required) {
		String text = blankToNull(value);
		if (text == null) {
			if (required) {
				throw invalid(field, "fieldMapping/" + field + " is required: the API name of an opportunity field");
			}
			return null;
		}
		if (!FIELD_NAME.matcher(text).matches()) {
			throw invalid(field, "fieldMapping/" + field + " '" + text
					+ "' is not an API field name (letters, digits and _, starting with a letter)");
		}
		return text;
	}

	private static void statusReason(String field, @Nullable String value) {
		if (value == null || !STATUS_REASON.matcher(value).matches()) {
			throw invalid(field, "fieldMapping/" + field
					+ " must be the number of a Dynamics 365 status reason, such as 3 (Won) or 4 (Canceled)");
		}
	}

	private static void stageName(String field, @Nullable String value) {
		if (value == null || value.length() > 255 || value.chars().anyMatch(Character::isISOControl)) {
			throw invalid(field, "fieldMapping/" + field + " must be a Salesforce opportunity stage name, such as "
					+ defaults(CrmKind.SALESFORCE).wonStage());
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static DomainException invalid(String field, String message) {
		return DomainException.invalid("fieldMapping/" + field, message);
	}

}
