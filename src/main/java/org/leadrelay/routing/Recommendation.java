package org.leadrelay.routing;

import org.leadrelay.partner.LocationId;
import org.leadrelay.shared.OrganizationId;

/**
 * A partner location recommended for a lead.
 *
 * @param score 0 to 1, higher is a better fit (see the README for the formula)
 * @param explanation why, in plain words of the caller's language
 */
public record Recommendation(LocationId locationId, OrganizationId organizationId, String partnerName,
		String locationName, String city, String country, double score, String explanation) {
}
