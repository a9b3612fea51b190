package org.leadrelay.referral;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A page of a referral list.
 *
 * @param filter which referrals, or null for all the caller may see
 * @param limit at most this many
 * @param offset skip this many (OData {@code $skip})
 * @param after continue after this position (keyset paging, OData {@code $skiptoken})
 * @param count also count every match
 */
public record ReferralQuery(@Nullable ReferralFilter filter, ReferralSort sort, int limit, long offset,
		@Nullable Cursor after, boolean count) {

	public ReferralQuery {
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be positive");
		}
		if (offset < 0) {
			throw new IllegalArgumentException("offset must not be negative");
		}
	}

	/**
	 * The position of the last referral of a page: its sort value and id. The sort value
	 * is an {@link Instant}, a {@link BigDecimal} or null (a referral without a deal
	 * value).
	 */
	public record Cursor(ReferralSort.Field field, @Nullable Object value, ReferralId id) {

		public Cursor {
			if (value != null && !(value instanceof Instant) && !(value instanceof BigDecimal)) {
				throw new IllegalArgumentException("Cursor values are instants or decimals");
			}
		}

	}

}
