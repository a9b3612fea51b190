package org.leadrelay.referral.web;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.ReferralPage;
import org.leadrelay.referral.ReferralProperties;
import org.leadrelay.referral.ReferralQuery;
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
 * that marks favorites. htmx updates the results and the heart in place; without
 * JavaScript the same links and forms load whole pages.
 */
@Controller
class LeadsController {

	/** The element htmx swaps when the filters or the page change. */
	static final String RESULTS = "lead-results";

	private final ReferralSearch search;

	private final ReferralManagement management;

	private final ReferralProperties properties;

	private final Clock clock;

	LeadsController(ReferralSearch search, ReferralManagement management, ReferralProperties properties, Clock clock) {
		this.search = search;
		this.management = management;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping("/leads")
	String list(Caller caller, @RequestParam(required = false) @Nullable String tab,
			@RequestParam(required = false) @Nullable String stage, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable Integer page, HtmxRequest htmx, Model model) {
		Map<LeadTab, Long> counts = counts(caller);
		LeadListParams params = LeadListParams.of(tab == null ? LeadTab.landing(caller, counts).param() : tab, stage, q,
				sort, page);
		list(caller, params, counts, model);
		if (htmx.isHtmxRequest() && RESULTS.equals(htmx.getTarget())) {
			return "leads/list :: results";
		}
		return "leads/list";
	}

	private Map<LeadTab, Long> counts(Caller caller) {
		Map<LeadTab, Long> counts = new EnumMap<>(LeadTab.class);
		for (LeadTab each : LeadTab.values()) {
			counts.put(each, this.search.count(caller, each.filter()));
		}
		return counts;
	}

	private void list(Caller caller, LeadListParams params, Map<LeadTab, Long> counts, Model model) {
		ReferralPage result = this.search.list(caller, new ReferralQuery(params.filter(params.tab()),
				params.sort().sort(), LeadListParams.PAGE_SIZE, params.offset(), null, true));
		Instant now = this.clock.instant();
		long total = result.total() == null ? 0 : result.total();
		model.addAttribute("params", params);
		model.addAttribute("rows",
				result.items()
					.stream()
					.map(viewed -> LeadRow.of(viewed, now, this.properties.contactRequestUrgency()))
					.toList());
		model.addAttribute("total", total);
		model.addAttribute("pages", Math.max(1, (total + LeadListParams.PAGE_SIZE - 1) / LeadListParams.PAGE_SIZE));
		model.addAttribute("counts", counts);
		model.addAttribute("tabs", LeadTab.values());
		model.addAttribute("mainStages", LeadStage.MAIN);
		model.addAttribute("outcomes", LeadStage.OUTCOMES);
		model.addAttribute("sorts", LeadSort.values());
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
		model.addAttribute("favoritesCount", this.search.count(caller, LeadTab.FAVORITES.filter()));
		if (RESULTS.equals(htmx.getTarget())) {
			list(caller, LeadListParams.of(back), counts(caller), model);
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

	/** Only pages of the workspace are returned to, never another site. */
	static String safeReturn(String returnTo) {
		try {
			UriComponents uri = UriComponentsBuilder.fromUriString(returnTo).build();
			if (uri.getScheme() == null && uri.getHost() == null && uri.getPath() != null
					&& uri.getPath().startsWith("/leads") && !returnTo.contains("\\")) {
				return uri.toUriString();
			}
		}
		catch (IllegalArgumentException ex) {
			// not a URL at all
		}
		return "/leads";
	}

}
