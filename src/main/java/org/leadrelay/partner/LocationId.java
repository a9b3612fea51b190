package org.leadrelay.partner;

import java.util.Objects;
import java.util.UUID;

/** Identifies a partner location. */
public record LocationId(UUID value) {

	public LocationId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
