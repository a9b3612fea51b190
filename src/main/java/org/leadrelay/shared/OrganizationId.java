package org.leadrelay.shared;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies an organization (the vendor or a partner): the tenant key of every tenant
 * table.
 */
public record OrganizationId(UUID value) {

	public OrganizationId {
		Objects.requireNonNull(value, "value");
	}

	public static OrganizationId of(String value) {
		return new OrganizationId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
