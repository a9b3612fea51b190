package org.leadrelay.referral;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

import org.leadrelay.shared.DomainException;

/**
 * An amount in an ISO 4217 currency: never negative, at most two decimals, below a
 * trillion.
 */
public record Money(BigDecimal amount, Currency currency) {

	private static final BigDecimal LIMIT = new BigDecimal("1000000000000");

	public Money {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
		if (amount.signum() < 0) {
			throw DomainException.invalid("details/dealValue", "details/dealValue must not be negative");
		}
		if (amount.compareTo(LIMIT) >= 0) {
			throw DomainException.invalid("details/dealValue", "details/dealValue must be below 1,000,000,000,000");
		}
		if (amount.stripTrailingZeros().scale() > 2) {
			throw DomainException.invalid("details/dealValue", "details/dealValue has at most two decimals");
		}
		amount = amount.setScale(2);
	}

	public static Money of(BigDecimal amount, String currencyCode) {
		return new Money(amount, currency(currencyCode));
	}

	/** Parses an ISO 4217 code such as {@code EUR}; anything else is refused. */
	public static Currency currency(String code) {
		if (code == null || !code.matches("[A-Z]{3}")) {
			throw DomainException.invalid("details/currency", "details/currency must be an ISO 4217 code such as EUR");
		}
		try {
			return Currency.getInstance(code);
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.invalid("details/currency",
					"details/currency '" + code + "' is not an ISO 4217 currency");
		}
	}

}
