package org.leadrelay.marketplace.web;

import java.beans.PropertyEditorSupport;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.leadrelay.marketplace.Marketplace;
import org.leadrelay.marketplace.MarketplaceQuery;
import org.leadrelay.marketplace.SearchResults;
import org.leadrelay.partner.Catalogue;
import org.leadrelay.shared.CompanySize;
import org.leadrelay.shared.Text;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
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
	 * The search's parameters bind as text that never fails (see {@link SearchParams}):
	 * text with control characters is no text.
	 */
	@InitBinder("search")
	void lenientText(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new PropertyEditorSupport() {

			@Override
			public void setAsText(String text) {
				setValue(Text.controlCharacterAt(text) >= 0 ? null : text);
			}

		});
	}

	/**
	 * @param ignored a malformed parameter (a size that is none) leaves its filter out
	 * instead of failing the page
	 */
	@GetMapping("/marketplace")
	String search(@ModelAttribute("search") SearchParams params, BindingResult ignored, Model model) {
		MarketplaceQuery query = params.query();
		SearchResults results = this.marketplace.search(query);
		model.addAttribute("results", results);
		model.addAttribute("countLimit", SearchResults.COUNT_LIMIT);
		model.addAttribute("previousPage", results.page() > 1 ? pageUrl(results.page() - 1) : null);
		model.addAttribute("nextPage", results.hasNext() ? pageUrl(results.page() + 1) : null);
		model.addAttribute("catalogue", this.catalogue.combined());
		model.addAttribute("sizes", sizeChoices(query.size()));
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
		// Relative: no link on a public page takes its host from the request's Host
		// header.
		return ServletUriComponentsBuilder.fromCurrentRequest()
			.scheme(null)
			.host(null)
			.port(-1)
			.replaceQueryParam("page", page)
			.build()
			.toUriString();
	}

	/**
	 * The search as the form sends it; anything unknown is simply no filter. Every
	 * parameter is text, so that no value fails the binding (which would leave no search
	 * to show): a size that is none is no size, a page that is no number the first page,
	 * one beyond the pages a search ranks the last of them.
	 */
	record SearchParams(@Nullable String q, @Nullable String industry, @Nullable String product,
			@Nullable String service, @Nullable String size, @Nullable String country, @Nullable String city,
			@Nullable String page) {

		MarketplaceQuery query() {
			return new MarketplaceQuery(this.q, this.industry, this.product, this.service, companySize(), this.country,
					this.city, pageNumber());
		}

		private @Nullable CompanySize companySize() {
			return (this.size != null) ? CompanySize.fromCode(this.size).orElse(null) : null;
		}

		private int pageNumber() {
			if (this.page == null || !this.page.strip().matches("\\d{1,18}")) {
				return 1;
			}
			return (int) Math.min(Long.parseLong(this.page.strip()), MarketplaceQuery.MAX_PAGE);
		}

	}

}
