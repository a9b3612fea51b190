package org.leadrelay.marketplace;

import org.leadrelay.partner.LocationId;
import org.leadrelay.partner.ProfileId;

/**
 * A partner location suggested to a customer, with its public page.
 *
 * @param country ISO 3166-1 alpha-2 code
 */
public record PartnerSuggestion(ProfileId profileId, LocationId locationId, String name, String city, String country) {

	/** The location's page in the marketplace, relative to LeadRelay's address. */
	public String path() {
		return MarketplacePaths.location(this.profileId, this.locationId);
	}

}
