package org.leadrelay.partner;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.OrganizationId;

/**
 * A partner location: where a referral is sent and whose alert addresses hear about it.
 * Locations created before business profiles have no street address or phone.
 */
public record Location(LocationId id, OrganizationId organizationId, String name, String city, String country,
		List<String> alertEmails, @Nullable String addressLine, @Nullable String postalCode, @Nullable String phone) {

	public Location {
		alertEmails = List.copyOf(alertEmails);
	}

	/** The region the location's country lies in. */
	public Region region() {
		return Region.of(this.country).orElseThrow(() -> new IllegalStateException("Unknown country " + this.country));
	}

}
