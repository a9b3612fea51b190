package org.leadrelay.marketplace;

import java.util.List;

import org.leadrelay.partner.BusinessProfile;
import org.leadrelay.partner.LocationId;
import org.leadrelay.partner.ProfileId;

/**
 * A profile as a search result shows it, kept in the index with the profile's other
 * searchable data.
 *
 * @param version the profile's version, which also addresses its current logo
 * @param tags every tag, products first
 */
public record ListingCard(ProfileId profileId, String name, boolean hasLogo, int version, List<String> tags,
		List<Place> locations) {

	public ListingCard {
		tags = List.copyOf(tags);
		locations = List.copyOf(locations);
	}

	static ListingCard of(BusinessProfile profile) {
		return new ListingCard(profile.id(), profile.details().name(), profile.hasLogo(), profile.version(),
				profile.details().expertise().all().distinct().toList(),
				profile.locations()
					.stream()
					.map(location -> new Place(location.id(), location.city(), location.country()))
					.toList());
	}

	/**
	 * A location of the profile.
	 *
	 * @param country ISO 3166-1 alpha-2 code
	 */
	public record Place(LocationId id, String city, String country) {

		/** The location's page. */
		public String path(ProfileId profile) {
			return MarketplacePaths.location(profile, this.id);
		}

	}

}
