package org.leadrelay.referral.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.Origin;
import org.leadrelay.referral.ReferralFilter;
import org.leadrelay.referral.ReferralFilter.Comparison;
import org.leadrelay.referral.ReferralFilter.Field;
import org.leadrelay.referral.ReferralFilter.Operator;

/**
 * The tabs of the co-sell deals list (issue 17): invitations into other organizations'
 * deals (Inbound), the organization's own deals (Outbound; for vendor staff the partners'
 * deals they may see) and the user's favorite deals.
 */
public enum DealTab implements WorkspaceTab {

	INBOUND("inbound", new Comparison(Field.ORIGIN, Operator.EQ, Origin.Invitation)),
	OUTBOUND("outbound", new Comparison(Field.ORIGIN, Operator.EQ, Origin.Deal)),
	FAVORITES("favorites", new ReferralFilter.And(List.of(new Comparison(Field.FAVORITE, Operator.EQ, true),
			new Comparison(Field.ORIGIN, Operator.NE, Origin.Lead))));

	private final String param;

	private final ReferralFilter filter;

	DealTab(String param, ReferralFilter filter) {
		this.param = param;
		this.filter = filter;
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
	 * The tab the list opens on: invitations first, which wait for an answer, else the
	 * organization's own deals.
	 */
	static DealTab landing(Map<DealTab, Long> counts) {
		return counts.getOrDefault(INBOUND, 0L) > 0 ? INBOUND : OUTBOUND;
	}

	static DealTab from(@Nullable String param) {
		return Arrays.stream(values()).filter(tab -> tab.param.equals(param)).findFirst().orElse(INBOUND);
	}

}
