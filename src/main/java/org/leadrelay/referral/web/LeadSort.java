package org.leadrelay.referral.web;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.ReferralSort;

/** The orders of the leads list. */
public enum LeadSort {

	NEWEST("newest", ReferralSort.NEWEST_FIRST),
	EXPIRING("expiring", new ReferralSort(ReferralSort.Field.EXPIRATION, false)),
	VALUE("value", new ReferralSort(ReferralSort.Field.DEAL_VALUE, true));

	private final String param;

	private final ReferralSort sort;

	LeadSort(String param, ReferralSort sort) {
		this.param = param;
		this.sort = sort;
	}

	public String param() {
		return this.param;
	}

	public ReferralSort sort() {
		return this.sort;
	}

	static LeadSort from(@Nullable String param) {
		return Arrays.stream(values()).filter(sort -> sort.param.equals(param)).findFirst().orElse(NEWEST);
	}

}
