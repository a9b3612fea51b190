package org.leadrelay.routing;

import org.leadrelay.partner.LocationId;
import org.leadrelay.shared.OrganizationId;

/** Where a candidate location is, as a recommendation names it. */
record Place(LocationId id, OrganizationId organizationId, String name, String city, String country) {
}
