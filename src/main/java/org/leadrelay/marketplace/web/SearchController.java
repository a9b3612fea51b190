package org.leadrelay.marketplace.web;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.leadrelay.marketplace.Marketplace;
import org.leadrelay.marketplace.MarketplaceQuery;
import org.leadrelay.marketplace.SearchResults;
import org.leadrelay.partner.Catalogue;
import org.leadrelay.shared.CompanySize;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The marketplace's search page: keywords and filters in the address (so a search can be
 * bookmarked and shared), results in pages of {@value MarketplaceQuery#PAGE_SIZE}.
 */
@Controller
class SearchController {

	private final Marketplace marketplace;

	private final Catalogue catalogue;

	SearchController(Marketplace marketplace, Catalogue catalogue) {
		this.marketplace = marketplace;
		this.catalogue = catalogue;
	}

	/**
	 * @param ignored a malformed parameter (a size that is none) leaves its filter out
	 * instead of failing the page
	 */
	@GetMapping("/marketplace")
	String search(@ModelAttribute("search") SearchParams params, BindingResult ignored, Model model) {
		SearchResults results = this.marketplace.search(params.query());
		model.addAttribute("results", results);
		model.addAttribute("countLimit", SearchResults.COUNT_LIMIT);
		model.addAttribute("previousPage", results.page() > 1 ? pageUrl(results.page() - 1) : null);
		model.addAttribute("nextPage", results.hasNext() ? pageUrl(results.page() + 1) : null);
		model.addAttribute("catalogue", this.catalogue.combined());
		model.addAttribute("sizes", sizeChoices(params.size()));
		return "marketplace/search";
	}

	/**
	 * The current bands, and the older one a link may filter by, so that the form shows
	 * it.
	 */
	private static Set<CompanySize> sizeChoices(@Nullable CompanySize chosen) {
		Set<CompanySize> sizes = CompanySize.current();
		if (chosen != null) {
			sizes.add(chosen);
		}
		return sizes;
	}

	private static String pageUrl(int page) {
		return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build().toUriString();
	}

	/** The search as the form sends it; anything unknown is simply no filter. */
	record SearchParams(@Nullable String q, @Nullable String industry, @Nullable String product,
			@Nullable String service, @Nullable CompanySize size, @Nullable String country, @Nullable String city,
			@Nullable Integer page) {

		MarketplaceQuery query() {
			return new MarketplaceQuery(this.q, this.industry, this.product, this.service, this.size, this.country,
					this.city, this.page == null ? 1 : this.page);
		}

	}

}
