package org.leadrelay.referral;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.Text;

/** The customer's address; the country (ISO 3166-1 alpha-2) is required. */
public record Address(@Nullable String addressLine1, @Nullable String addressLine2, @Nullable String city,
		@Nullable String state, @Nullable String postalCode, String country) {

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private static final String TARGET = "customerProfile/address";

	public static Address of(@Nullable String addressLine1, @Nullable String addressLine2, @Nullable String city,
			@Nullable String state, @Nullable String postalCode, @Nullable String country) {
		String code = Text.required(TARGET + "/country", country, 2).toUpperCase(Locale.ROOT);
		if (!COUNTRIES.contains(code)) {
			throw DomainException.invalid(TARGET + "/country",
					TARGET + "/country must be an ISO 3166-1 alpha-2 code such as HU (got '" + code + "')");
		}
		return new Address(Text.optional(TARGET + "/addressLine1", addressLine1, 200),
				Text.optional(TARGET + "/addressLine2", addressLine2, 200), Text.optional(TARGET + "/city", city, 100),
				Text.optional(TARGET + "/state", state, 100), Text.optional(TARGET + "/postalCode", postalCode, 20),
				code);
	}

}
