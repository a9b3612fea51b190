package org.leadrelay.crm.client;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The customer as a CRM account: matched by name and postal code, or created.
 *
 * @param country an ISO 3166-1 alpha-2 code
 */
public record Account(String name, @Nullable String postalCode, @Nullable String city, String country) {

	/** The country's English name, as CRMs keep it in their address fields. */
	String countryName() {
		return new Locale("", this.country).getDisplayCountry(Locale.ENGLISH);
	}

}
