package org.leadrelay.referral;

import java.util.Objects;
import java.util.UUID;

/** Identifies a referral. */
public record ReferralId(UUID value) {

	public ReferralId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
