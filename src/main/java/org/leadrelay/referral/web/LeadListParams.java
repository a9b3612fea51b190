package org.leadrelay.referral.web;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.ReferralFilter;
import org.leadrelay.referral.ReferralFilter.And;
import org.leadrelay.referral.ReferralFilter.NameContains;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the leads list shows, as its query string says ({@code ?tab=qualified&stage=won}):
 * unknown values fall back to the defaults instead of failing.
 */
record LeadListParams(LeadTab tab, LeadStage stage, String search, LeadSort sort, int page) {

	static final int PAGE_SIZE = 20;

	static final int MAX_SEARCH = 100;

	static LeadListParams of(@Nullable String tab, @Nullable String stage, @Nullable String q, @Nullable String sort,
			@Nullable Integer page) {
		String search = q == null ? "" : q.strip();
		return new LeadListParams(LeadTab.from(tab), LeadStage.from(stage),
				search.length() > MAX_SEARCH ? search.substring(0, MAX_SEARCH) : search, LeadSort.from(sort),
				page == null || page < 1 ? 1 : page);
	}

	/** The referrals of a tab, with this stage and search. */
	ReferralFilter filter(LeadTab tab) {
		List<ReferralFilter> conditions = new ArrayList<>();
		conditions.add(tab.filter());
		if (this.stage.filter() != null) {
			conditions.add(this.stage.filter());
		}
		if (!this.search.isEmpty()) {
			conditions.add(new NameContains(this.search));
		}
		return new And(conditions);
	}

	long offset() {
		return (long) (this.page - 1) * PAGE_SIZE;
	}

	/** This list's URL with some parameters changed, for links and forms. */
	String url(@Nullable LeadTab tab, @Nullable LeadStage stage, @Nullable LeadSort sort, @Nullable Integer page) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/leads")
			.queryParam("tab", (tab == null ? this.tab : tab).param())
			.queryParam("stage", (stage == null ? this.stage : stage).param())
			.queryParam("sort", (sort == null ? this.sort : sort).param());
		if (!this.search.isEmpty()) {
			url.queryParam("q", this.search);
		}
		int target = page == null ? this.page : page;
		if (target > 1) {
			url.queryParam("page", target);
		}
		return url.encode().build().toUriString();
	}

	public String withTab(LeadTab tab) {
		return url(tab, null, null, 1);
	}

	public String withStage(LeadStage stage) {
		return url(null, stage, null, 1);
	}

	public String withPage(int page) {
		return url(null, null, null, page);
	}

	/** This page's own URL: where a heart click without JavaScript comes back to. */
	public String self() {
		return url(null, null, null, null);
	}

}
