package org.leadrelay.referral.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.Origin;
import org.leadrelay.referral.Qualification;
import org.leadrelay.referral.ReferralFilter;
import org.leadrelay.referral.ReferralFilter.Comparison;
import org.leadrelay.referral.ReferralFilter.Field;
import org.leadrelay.referral.ReferralFilter.Operator;
import org.leadrelay.shared.Caller;

/**
 * The tabs of the leads list (SPEC section 2): customer inquiries from the marketplace,
 * qualified leads (MQL and SQL) and the user's favorites.
 */
public enum LeadTab implements WorkspaceTab {

	MARKETPLACE("marketplace", leads(new Comparison(Field.QUALIFICATION, Operator.EQ, Qualification.Direct))),
	QUALIFIED("qualified", leads(new Comparison(Field.QUALIFICATION, Operator.NE, Qualification.Direct))),
	FAVORITES("favorites", leads(new Comparison(Field.FAVORITE, Operator.EQ, true)));

	private final String param;

	private final ReferralFilter filter;

	LeadTab(String param, ReferralFilter filter) {
		this.param = param;
		this.filter = filter;
	}

	/** Leads only: deals and invitations belong to the co-sell workspace. */
	private static ReferralFilter leads(ReferralFilter filter) {
		return new ReferralFilter.And(List.of(filter, new Comparison(Field.ORIGIN, Operator.EQ, Origin.Lead)));
	}

	@Override
	public String param() {
		return this.param;
	}

	@Override
	public ReferralFilter filter() {
		return this.filter;
	}

	/**
	 * The tab the list opens on: the first that holds any lead, looked at in the order
	 * the caller's leads usually come in. Partners get customer inquiries first; vendor
	 * staff send qualified leads and rarely see an inquiry.
	 */
	static LeadTab landing(Caller caller, Map<LeadTab, Long> counts) {
		List<LeadTab> order = caller.isPartner() ? List.of(MARKETPLACE, QUALIFIED) : List.of(QUALIFIED, MARKETPLACE);
		return order.stream().filter(tab -> counts.getOrDefault(tab, 0L) > 0).findFirst().orElse(order.get(0));
	}

	static LeadTab from(@Nullable String param) {
		return Arrays.stream(values()).filter(tab -> tab.param.equals(param)).findFirst().orElse(MARKETPLACE);
	}

}
