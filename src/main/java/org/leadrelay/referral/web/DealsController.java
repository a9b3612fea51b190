package org.leadrelay.referral.web;

import java.util.Map;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.Caller;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The co-sell deals list: Inbound invitations, Outbound deals (for vendor staff, the
 * partners' deals shared with the vendor) and Favorites, with the leads list's filters,
 * search, sort, pages and export. The heart is the leads list's.
 */
@Controller
class DealsController {

	private final WorkspaceLists lists;

	DealsController(WorkspaceLists lists) {
		this.lists = lists;
	}

	@GetMapping("/deals")
	String list(Caller caller, @RequestParam(required = false) @Nullable String tab,
			@RequestParam(required = false) @Nullable String stage, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable Integer page, HtmxRequest htmx, Model model) {
		Map<DealTab, Long> counts = this.lists.counts(caller, DealTab.class);
		LeadListParams params = LeadListParams.ofDeals(tab == null ? DealTab.landing(counts).param() : tab, stage, q,
				sort, page);
		return LeadsController.view(this.lists.fill(caller, params, counts, model), htmx);
	}

}
