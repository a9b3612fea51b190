package org.leadrelay.partner;

import java.util.List;

import org.leadrelay.shared.OrganizationId;

/**
 * A partner location: where a referral is sent and whose alert addresses hear about it.
 */
public record Location(LocationId id, OrganizationId organizationId, String name, String city, String country,
		List<String> alertEmails) {

	public Location {
		alertEmails = List.copyOf(alertEmails);
	}

}
