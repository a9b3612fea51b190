package org.leadrelay.partner;

import org.leadrelay.shared.OrganizationId;

/**
 * A location of the partner was added or removed. Published inside the change's
 * transaction, so that a synchronous listener keeps a copy of the current locations
 * exact.
 */
public record PartnerLocationsChanged(OrganizationId organizationId) {
}
