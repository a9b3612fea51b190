package org.leadrelay.referral;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.LocationId;

/**
 * Which leads the figures cover: those received from {@code from} (inclusive) to
 * {@code to} (exclusive), optionally of one type and one location.
 */
public record FigureCriteria(Instant from, Instant to, @Nullable Qualification qualification,
		@Nullable LocationId location) {

	public FigureCriteria {
		if (!from.isBefore(to)) {
			throw new IllegalArgumentException("from must be before to");
		}
	}

}
