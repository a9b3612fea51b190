package org.leadrelay.referral.web;

import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/** The options of the forms' code lists. */
final class Choices {

	/** ISO 4217 currency codes. */
	static final List<String> CURRENCIES = Currency.getAvailableCurrencies()
		.stream()
		.map(Currency::getCurrencyCode)
		.sorted()
		.toList();

	/** ISO 3166 country codes. */
	static final List<String> COUNTRIES = Arrays.stream(Locale.getISOCountries()).sorted().toList();

	private Choices() {
	}

}
