package org.leadrelay.referral;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A condition on referrals, as a tree: the API parses OData {@code $filter} text into
 * one, the web UI builds them from its filters. It is turned into SQL with bound
 * parameters only, never by pasting text.
 */
public sealed interface ReferralFilter {

	/** All of the conditions hold. */
	record And(List<ReferralFilter> operands) implements ReferralFilter {

		public And {
			operands = List.copyOf(operands);
		}

	}

	/** At least one of the conditions holds. */
	record Or(List<ReferralFilter> operands) implements ReferralFilter {

		public Or {
			operands = List.copyOf(operands);
		}

	}

	/**
	 * A field compared with a value of the field's type ({@link Field#valueType()}); a
	 * null value tests for absence and only goes with {@code EQ} and {@code NE}.
	 */
	record Comparison(Field field, Operator operator, @Nullable Object value) implements ReferralFilter {

		public Comparison {
			if (value != null && !field.valueType().isInstance(value)) {
				throw new IllegalArgumentException(field + " compares with " + field.valueType().getSimpleName());
			}
			if (value == null && operator != Operator.EQ && operator != Operator.NE) {
				throw new IllegalArgumentException("null only compares with EQ and NE");
			}
			if (!field.ordered() && operator != Operator.EQ && operator != Operator.NE) {
				throw new IllegalArgumentException(field + " only compares with EQ and NE");
			}
		}

	}

	/** Customer or deal name contains the text (case-insensitive). */
	record NameContains(String text) implements ReferralFilter {
	}

	enum Operator {

		EQ, NE, GT, LT, GE, LE

	}

	/** The fields a filter can test. */
	enum Field {

		STATUS(Status.class, false), SUBSTATUS(Substatus.class, false), QUALIFICATION(Qualification.class, false),
		TYPE(ReferralType.class, false), DIRECTION(Direction.class, false), FAVORITE(Boolean.class, false),
		CREATED(Instant.class, true), UPDATED(Instant.class, true), EXPIRATION(Instant.class, true),
		CUSTOMER_COUNTRY(String.class, false), DEAL_VALUE(BigDecimal.class, true),
		CONTACT_REQUESTED(Boolean.class, false),
		/** Lead, deal or invitation: LeadRelay's own, not a property of the API. */
		ORIGIN(Origin.class, false);

		private final Class<?> valueType;

		private final boolean ordered;

		Field(Class<?> valueType, boolean ordered) {
			this.valueType = valueType;
			this.ordered = ordered;
		}

		public Class<?> valueType() {
			return this.valueType;
		}

		/** Whether {@code GT}, {@code LT}, {@code GE} and {@code LE} make sense. */
		public boolean ordered() {
			return this.ordered;
		}

	}

}
