package org.leadrelay.partner.api;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.BusinessProfile;
import org.leadrelay.partner.Expertise;
import org.leadrelay.partner.Location;
import org.leadrelay.platform.PublicUrl;
import org.leadrelay.shared.CompanySize;

/** A business profile as the API shows it, with its locations and public links. */
record ProfileJson(String id, String organizationId, String organizationName, String region, String name,
		@Nullable String description, @Nullable String website, @Nullable String linkedIn, List<String> industries,
		List<String> products, List<String> services, List<String> solutions, List<String> customerSizes,
		@Nullable String logoUrl, List<LocationJson> locations, Instant updatedDateTime, String eTag) {

	static ProfileJson of(BusinessProfile profile, PublicUrl publicUrl) {
		Expertise expertise = profile.details().expertise();
		String page = "/marketplace/partners/" + profile.id();
		return new ProfileJson(profile.id().toString(), profile.organizationId().toString(), profile.organizationName(),
				profile.region().name(), profile.details().name(), profile.details().description(),
				profile.details().website(), profile.details().linkedIn(), expertise.industries(), expertise.products(),
				expertise.services(), expertise.solutions(),
				profile.details().customerSizes().stream().map(CompanySize::code).toList(),
				profile.hasLogo() ? publicUrl.of(page + "/logo") : null,
				profile.locations()
					.stream()
					.map(location -> LocationJson.of(location, publicUrl.of(page + "/locations/" + location.id())))
					.toList(),
				profile.updatedAt(), eTag(profile));
	}

	static String eTag(BusinessProfile profile) {
		return "\"" + profile.version() + "\"";
	}

	/** A location; its address never changes (remove it and add another instead). */
	record LocationJson(String id, String name, @Nullable String addressLine1, @Nullable String postalCode, String city,
			String country, @Nullable String phone, List<String> alertEmails, String marketplaceUrl) {

		static LocationJson of(Location location, String marketplaceUrl) {
			return new LocationJson(location.id().toString(), location.name(), location.addressLine(),
					location.postalCode(), location.city(), location.country(), location.phone(),
					location.alertEmails(), marketplaceUrl);
		}

	}

}
