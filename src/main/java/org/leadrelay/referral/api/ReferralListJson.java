package org.leadrelay.referral.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A page of referrals in OData's collection shape; each is a {@link ReferralJson}, or the
 * properties of it that {@code $select} chose.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ReferralListJson(List<?> value, @JsonProperty("@odata.count") @Nullable Long count,
		@JsonProperty("@odata.nextLink") @Nullable String nextLink) {
}
