package org.leadrelay.referral.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** A page of referrals in OData's collection shape. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ReferralListJson(List<ReferralJson> value, @JsonProperty("@odata.count") @Nullable Long count,
		@JsonProperty("@odata.nextLink") @Nullable String nextLink) {
}
