package org.leadrelay.crm.client;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An opportunity's synced fields: what LeadRelay wants it to say, or what the CRM last
 * said. A null value read from the CRM is unknown (the field is not mapped, or not read).
 *
 * @param amount rounded to cents, as LeadRelay keeps money
 * @param currency an ISO 4217 code
 * @param reference the lead's LeadRelay id, as kept in the mapped reference field
 * @param salesStage the stage of an open opportunity as the CRM names it (a Salesforce
 * stage name, a Dynamics 365 choice value): synced for co-sell deals only
 */
public record OpportunityState(@Nullable String name, @Nullable BigDecimal amount, @Nullable String currency,
		@Nullable LocalDate closeDate, @Nullable String description, @Nullable String reference,
		@Nullable String salesStage, Stage stage) {

	public OpportunityState {
		amount = amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
	}

	/**
	 * The fields (stage aside) this state gives a value that {@code known} does not have.
	 */
	public Set<OpportunityField> differingFrom(OpportunityState known) {
		Set<OpportunityField> fields = EnumSet.noneOf(OpportunityField.class);
		for (OpportunityField field : OpportunityField.values()) {
			Object wanted = value(field);
			if (field != OpportunityField.STAGE && wanted != null && !wanted.equals(known.value(field))) {
				fields.add(field);
			}
		}
		return fields;
	}

	/** This state with the given fields taken from {@code other}. */
	public OpportunityState with(OpportunityState other, Set<OpportunityField> fields) {
		return new OpportunityState(pick(OpportunityField.NAME, other, fields),
				pick(OpportunityField.AMOUNT, other, fields), pick(OpportunityField.CURRENCY, other, fields),
				pick(OpportunityField.CLOSE_DATE, other, fields), pick(OpportunityField.DESCRIPTION, other, fields),
				pick(OpportunityField.REFERENCE, other, fields), pick(OpportunityField.SALES_STAGE, other, fields),
				Objects.requireNonNull(pick(OpportunityField.STAGE, other, fields)));
	}

	public OpportunityState withStage(Stage stage) {
		return new OpportunityState(this.name, this.amount, this.currency, this.closeDate, this.description,
				this.reference, this.salesStage, stage);
	}

	public OpportunityState withSalesStage(@Nullable String salesStage) {
		return new OpportunityState(this.name, this.amount, this.currency, this.closeDate, this.description,
				this.reference, salesStage, this.stage);
	}

	@SuppressWarnings("unchecked")
	private <T> @Nullable T pick(OpportunityField field, OpportunityState other, Set<OpportunityField> fields) {
		return (T) (fields.contains(field) ? other.value(field) : value(field));
	}

	public @Nullable Object value(OpportunityField field) {
		return switch (field) {
			case NAME -> this.name;
			case AMOUNT -> this.amount;
			case CURRENCY -> this.currency;
			case CLOSE_DATE -> this.closeDate;
			case DESCRIPTION -> this.description;
			case REFERENCE -> this.reference;
			case SALES_STAGE -> this.salesStage;
			case STAGE -> this.stage;
		};
	}

}
