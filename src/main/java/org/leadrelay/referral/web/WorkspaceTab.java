package org.leadrelay.referral.web;

import org.leadrelay.referral.ReferralFilter;

/**
 * A tab of a workspace list (leads, co-sell deals): its name in URLs and the referrals it
 * holds. The lists share their filters, search, sort and paging ({@link LeadListParams}).
 */
public interface WorkspaceTab {

	String param();

	ReferralFilter filter();

	/** The tab's constant name, which templates compare with. */
	String name();

}
