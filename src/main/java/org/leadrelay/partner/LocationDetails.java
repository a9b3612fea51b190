package org.leadrelay.partner;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.Email;
import org.leadrelay.shared.Text;

/**
 * A new location as a profile admin describes it: where it is, its phone and who hears
 * about its leads. An address never changes: a location that moves is removed and added
 * anew, and its leads stay where they are.
 */
public record LocationDetails(String name, String addressLine, @Nullable String postalCode, String city, String country,
		@Nullable String phone, List<String> alertEmails) {

	static final int MAX_ALERT_EMAILS = 10;

	public LocationDetails {
		name = Text.required("name", name, 200);
		addressLine = Text.required("addressLine1", addressLine, 200);
		postalCode = Text.optional("postalCode", postalCode, 20);
		city = Text.required("city", city, 100);
		country = Text.required("country", country, 2).toUpperCase(Locale.ROOT);
		if (Region.of(country).isEmpty()) {
			throw DomainException.invalid("country",
					"country must be an ISO 3166-1 alpha-2 code such as HU (got '" + country + "')");
		}
		phone = phone(phone);
		alertEmails = alertEmails(alertEmails);
	}

	Region region() {
		return Region.of(this.country).orElseThrow();
	}

	private static @Nullable String phone(@Nullable String value) {
		String phone = Text.optional("phone", value, 50);
		if (phone != null && !phone.matches("\\+?[0-9 ()./-]{3,}(\\s*(ext\\.?|x)\\s*[0-9]+)?")) {
			throw DomainException.invalid("phone",
					"phone may contain digits, spaces, + ( ) - / . and an extension (got '" + phone + "')");
		}
		return phone;
	}

	private static List<String> alertEmails(@Nullable List<String> values) {
		if (values == null) {
			return List.of();
		}
		if (values.size() > MAX_ALERT_EMAILS) {
			throw DomainException.invalid("alertEmails",
					"alertEmails takes at most " + MAX_ALERT_EMAILS + " addresses");
		}
		return values.stream().map(value -> Email.of("alertEmails", value).value()).distinct().toList();
	}

}
