package org.leadrelay.partner;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.OrganizationKind;

/**
 * The vendor or one of its partners.
 *
 * @param vendorId for a partner, the vendor whose program it belongs to
 */
public record Organization(OrganizationId id, String name, OrganizationKind kind, @Nullable OrganizationId vendorId) {

	public boolean isPartner() {
		return this.kind == OrganizationKind.PARTNER;
	}

}
