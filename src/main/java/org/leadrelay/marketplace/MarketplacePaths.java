package org.leadrelay.marketplace;

import org.leadrelay.partner.LocationId;
import org.leadrelay.partner.ProfileId;

/** Where the marketplace's public pages are. */
public final class MarketplacePaths {

	public static final String SEARCH = "/marketplace";

	private MarketplacePaths() {
	}

	public static String location(ProfileId profile, LocationId location) {
		return "/marketplace/partners/" + profile + "/locations/" + location;
	}

	public static String logo(ProfileId profile) {
		return "/marketplace/partners/" + profile + "/logo";
	}

	/** The private page of an inquiry's status. */
	public static String inquiry(String token) {
		return "/marketplace/inquiries/" + token;
	}

}
