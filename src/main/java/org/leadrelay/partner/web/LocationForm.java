package org.leadrelay.partner.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.LocationDetails;

/**
 * A new location as the profile page's form posts it; alert addresses separated by commas
 * or new lines.
 */
record LocationForm(@NotBlank @Size(max = 200) @Nullable String name,
		@NotBlank @Size(max = 200) @Nullable String addressLine, @Size(max = 20) @Nullable String postalCode,
		@NotBlank @Size(max = 100) @Nullable String city, @NotBlank @Nullable String country,
		@Size(max = 50) @Nullable String phone, @Size(max = 3000) @Nullable String alertEmails) {

	static final LocationForm EMPTY = new LocationForm(null, null, null, null, null, null, null);

	private static final Map<String, String> FIELDS = Map.of("name", "name", "addressLine1", "addressLine",
			"postalCode", "postalCode", "city", "city", "country", "country", "phone", "phone", "alertEmails",
			"alertEmails");

	LocationDetails details() {
		List<String> emails = this.alertEmails == null ? List.of()
				: Arrays.stream(this.alertEmails.split("[,;\\s]+")).filter(email -> !email.isBlank()).toList();
		return new LocationDetails(this.name, this.addressLine, this.postalCode, this.city, this.country, this.phone,
				emails);
	}

	static @Nullable String field(String target) {
		return FIELDS.get(target);
	}

}
