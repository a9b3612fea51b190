package org.leadrelay.referral;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of referrals.
 *
 * @param total every match, when counting was asked for
 * @param next where the following page starts, or null on the last page
 */
public record ReferralPage(List<ViewedReferral> items, @Nullable Long total, ReferralQuery.@Nullable Cursor next) {

	public ReferralPage {
		items = List.copyOf(items);
	}

}
