package org.leadrelay.referral.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.ReferralFilter;
import org.leadrelay.referral.ReferralFilter.And;
import org.leadrelay.referral.ReferralFilter.NameContains;

import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * What a workspace list shows, as its query string says
 * ({@code ?tab=qualified&stage=won}): unknown values fall back to the defaults instead of
 * failing. The leads list and the co-sell deals list share it, each with its own path and
 * tabs.
 *
 * @param path the list's own path ({@code /leads}, {@code /deals})
 */
public record LeadListParams(String path, WorkspaceTab tab, LeadStage stage, String search, LeadSort sort, int page) {

	static final int PAGE_SIZE = 20;

	static final int MAX_SEARCH = 100;

	static final String LEADS = "/leads";

	static final String DEALS = "/deals";

	public static LeadListParams of(@Nullable String tab, @Nullable String stage, @Nullable String q,
			@Nullable String sort, @Nullable Integer page) {
		return of(LEADS, LeadTab.from(tab), stage, q, sort, page);
	}

	/** The co-sell deals list. */
	public static LeadListParams ofDeals(@Nullable String tab, @Nullable String stage, @Nullable String q,
			@Nullable String sort, @Nullable Integer page) {
		return of(DEALS, DealTab.from(tab), stage, q, sort, page);
	}

	private static LeadListParams of(String path, WorkspaceTab tab, @Nullable String stage, @Nullable String q,
			@Nullable String sort, @Nullable Integer page) {
		String search = q == null ? "" : q.strip();
		return new LeadListParams(path, tab, LeadStage.from(stage),
				search.length() > MAX_SEARCH ? search.substring(0, MAX_SEARCH) : search, LeadSort.from(sort),
				page == null || page < 1 ? 1 : page);
	}

	/** The list a workspace URL ({@link #self()}) shows. */
	static LeadListParams of(String url) {
		UriComponents uri = UriComponentsBuilder.fromUriString(url).build(true);
		MultiValueMap<String, String> query = uri.getQueryParams();
		Integer page;
		try {
			page = query.getFirst("page") == null ? null : Integer.valueOf(decode(query.getFirst("page")));
		}
		catch (NumberFormatException ex) {
			page = null;
		}
		boolean deals = uri.getPath() != null && uri.getPath().startsWith(DEALS);
		return of(deals ? DEALS : LEADS,
				deals ? DealTab.from(decode(query.getFirst("tab"))) : LeadTab.from(decode(query.getFirst("tab"))),
				decode(query.getFirst("stage")), decode(query.getFirst("q")), decode(query.getFirst("sort")), page);
	}

	private static @Nullable String decode(@Nullable String value) {
		return value == null ? null : UriUtils.decode(value, StandardCharsets.UTF_8);
	}

	/** The referrals of a tab, with this stage and search. */
	public ReferralFilter filter(WorkspaceTab tab) {
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

	/** This list's URL in another tab or on another page, for links. */
	private String url(WorkspaceTab tab, int page) {
		return url(this.path, tab, page);
	}

	private String url(String path, WorkspaceTab tab, int page) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath(path)
			.queryParam("tab", tab.param())
			.queryParam("stage", this.stage.param())
			.queryParam("sort", this.sort.param());
		if (!this.search.isEmpty()) {
			url.queryParam("q", this.search);
		}
		if (page > 1) {
			url.queryParam("page", page);
		}
		return url.encode().build().toUriString();
	}

	public String withTab(WorkspaceTab tab) {
		return url(tab, 1);
	}

	public String withPage(int page) {
		return url(this.tab, page);
	}

	/** The whole list, every page, as a CSV file. */
	public String export() {
		return url(this.path + "/export.csv", this.tab, 1);
	}

	/** This page's own URL: where a heart click without JavaScript comes back to. */
	public String self() {
		return url(this.tab, this.page);
	}

}
