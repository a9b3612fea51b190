package org.leadrelay.partner;

import java.util.Objects;
import java.util.UUID;

/** Identifies a business profile. */
public record ProfileId(UUID value) {

	public ProfileId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
