package org.leadrelay.partner.api;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.leadrelay.platform.web.NoNullElements;
import org.leadrelay.partner.Expertise;
import org.leadrelay.partner.LocationDetails;
import org.leadrelay.partner.ProfileChanges;
import org.leadrelay.partner.ProfileDetails;
import org.leadrelay.partner.Region;
import org.leadrelay.shared.CompanySize;
import org.leadrelay.shared.DomainException;

/** The bodies the profiles API takes. */
final class ProfileRequests {

	private ProfileRequests() {
	}

	/**
	 * A new profile for a region; tags and sizes are optional (a new profile serves every
	 * size).
	 */
	record Create(Region region, String name, @Nullable String description, @Nullable String website,
			@Nullable String linkedIn, @NoNullElements @Nullable List<String> industries,
			@NoNullElements @Nullable List<String> products, @NoNullElements @Nullable List<String> services,
			@NoNullElements @Nullable List<String> solutions, @NoNullElements @Nullable List<String> customerSizes) {

		Create {
			if (region == null) {
				throw DomainException.invalid("region", "region is required: AMERICAS, EMEA or APAC");
			}
		}

		ProfileDetails details() {
			return new ProfileDetails(this.name, this.description, this.website, this.linkedIn,
					new Expertise(this.industries, this.products, this.services, this.solutions),
					this.customerSizes == null ? CompanySize.current() : sizes(this.customerSizes));
		}

	}

	/**
	 * Fields to change: those sent replace the current value, those left out stay; send
	 * an empty text to clear description, website or linkedIn.
	 */
	record Patch(@Nullable String name, @Nullable String description, @Nullable String website,
			@Nullable String linkedIn, @NoNullElements @Nullable List<String> industries,
			@NoNullElements @Nullable List<String> products, @NoNullElements @Nullable List<String> services,
			@NoNullElements @Nullable List<String> solutions, @NoNullElements @Nullable List<String> customerSizes) {

		ProfileChanges changes() {
			return new ProfileChanges(this.name, this.description, this.website, this.linkedIn, this.industries,
					this.products, this.services, this.solutions,
					this.customerSizes == null ? null : sizes(this.customerSizes));
		}

	}

	record NewLocation(String name, String addressLine1, @Nullable String postalCode, String city, String country,
			@Nullable String phone, @NoNullElements @Nullable List<String> alertEmails) {

		LocationDetails details() {
			return new LocationDetails(this.name, this.addressLine1, this.postalCode, this.city, this.country,
					this.phone, this.alertEmails == null ? List.of() : this.alertEmails);
		}

	}

	private static Set<CompanySize> sizes(List<String> codes) {
		return codes.stream()
			.map(code -> CompanySize.fromCode(code)
				.orElseThrow(() -> DomainException.invalid("customerSizes",
						"customerSizes: '" + code + "' is not a size; use one of " + CompanySize.currentCodes())))
			.collect(Collectors.toSet());
	}

}
