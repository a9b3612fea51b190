package org.leadrelay.referral.web;

import java.util.Map;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.ReferralSearch;
import org.leadrelay.shared.Caller;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The leads list: tabs with counts, stage filter, search, sort and pages, and the heart
 * that marks favorites (of leads and of co-sell deals alike). htmx updates the results
 * and the heart in place; without JavaScript the same links and forms load whole pages.
 */
@Controller
class LeadsController {

	/** The element htmx swaps when the filters or the page change. */
	static final String RESULTS = "lead-results";

	private final ReferralSearch search;

	private final ReferralManagement management;

	private final WorkspaceLists lists;

	LeadsController(ReferralSearch search, ReferralManagement management, WorkspaceLists lists) {
		this.search = search;
		this.management = management;
		this.lists = lists;
	}

	@GetMapping("/leads")
	String list(Caller caller, @RequestParam(required = false) @Nullable String tab,
			@RequestParam(required = false) @Nullable String stage, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable Integer page, HtmxRequest htmx, Model model) {
		Map<LeadTab, Long> counts = this.lists.counts(caller, LeadTab.class);
		LeadListParams params = LeadListParams.of(tab == null ? LeadTab.landing(caller, counts).param() : tab, stage, q,
				sort, page);
		return view(this.lists.fill(caller, params, counts, model), htmx);
	}

	/** The whole page, or for htmx only the results it swaps. */
	static String view(String list, HtmxRequest htmx) {
		if (htmx.isHtmxRequest() && RESULTS.equals(htmx.getTarget())) {
			return list + " :: results";
		}
		return list;
	}

	/**
	 * The heart, clicked with htmx: swaps itself and the Favorites count. In the
	 * Favorites tab it targets the results instead, which come back without the lead
	 * taken out and with their count and pages.
	 */
	@HxRequest
	@PostMapping("/leads/{id}/favorite")
	String favoriteInPlace(Caller caller, @PathVariable String id, @RequestParam boolean favorite,
			@RequestParam(defaultValue = "/leads") String returnTo, HtmxRequest htmx, Model model) {
		this.management.setFavorite(caller, LeadIds.parse(id), favorite);
		String back = safeReturn(returnTo);
		LeadListParams params = LeadListParams.of(back);
		// the Favorites count of the list the heart is on: leads or deals
		WorkspaceTab favorites = LeadListParams.DEALS.equals(params.path()) ? DealTab.FAVORITES : LeadTab.FAVORITES;
		model.addAttribute("favoritesCount", this.search.count(caller, favorites.filter()));
		if (RESULTS.equals(htmx.getTarget())) {
			model.addAttribute("list", this.lists.fill(caller, params, this.lists.counts(caller, params), model));
			return "leads/favorite :: relisted";
		}
		model.addAttribute("leadId", id);
		model.addAttribute("favorite", favorite);
		model.addAttribute("returnTo", back);
		return "leads/favorite :: toggled";
	}

	/**
	 * The heart without JavaScript: a plain form post, then back to the page it was on.
	 */
	@PostMapping("/leads/{id}/favorite")
	String favorite(Caller caller, @PathVariable String id, @RequestParam boolean favorite,
			@RequestParam(defaultValue = "/leads") String returnTo) {
		this.management.setFavorite(caller, LeadIds.parse(id), favorite);
		return "redirect:" + safeReturn(returnTo);
	}

	/** Only pages of the workspace (leads, deals) are returned to, never another site. */
	static String safeReturn(String returnTo) {
		try {
			UriComponents uri = UriComponentsBuilder.fromUriString(returnTo).build();
			if (uri.getScheme() == null && uri.getHost() == null && uri.getPath() != null
					&& (uri.getPath().startsWith(LeadListParams.LEADS)
							|| uri.getPath().startsWith(LeadListParams.DEALS))
					&& !returnTo.contains("\\")) {
				return uri.toUriString();
			}
		}
		catch (IllegalArgumentException ex) {
			// not a URL at all
		}
		return "/leads";
	}

}
