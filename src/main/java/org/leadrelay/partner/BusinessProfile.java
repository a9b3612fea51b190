package org.leadrelay.partner;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.leadrelay.shared.OrganizationId;

/**
 * A partner's public face in one region, with the locations it has there.
 *
 * @param vendorId the vendor whose program the partner belongs to
 * @param version moves with every change to the profile or its locations
 * @param locations the partner's current locations in the region
 */
public record BusinessProfile(ProfileId id, OrganizationId organizationId, OrganizationId vendorId,
		String organizationName, Region region, int version, ProfileDetails details, boolean hasLogo,
		List<Location> locations, Instant updatedAt) {

	public BusinessProfile {
		locations = List.copyOf(locations);
	}

	public Optional<Location> location(LocationId id) {
		return this.locations.stream().filter(location -> location.id().equals(id)).findFirst();
	}

	/** Whether customers can find it: only a profile with a location can be contacted. */
	public boolean isListed() {
		return !this.locations.isEmpty();
	}

}
