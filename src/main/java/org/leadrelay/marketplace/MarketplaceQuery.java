package org.leadrelay.marketplace;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.CompanySize;

/**
 * A search of the marketplace: keywords over tags and names, and exact filters.
 *
 * @param page 1 for the first page
 */
public record MarketplaceQuery(@Nullable String keywords, @Nullable String industry, @Nullable String product,
		@Nullable String service, @Nullable CompanySize size, @Nullable String country, @Nullable String city,
		int page) {

	public static final int PAGE_SIZE = 20;

	/** The last page of the {@link SearchResults#COUNT_LIMIT} results a search ranks. */
	public static final int MAX_PAGE = SearchResults.COUNT_LIMIT / PAGE_SIZE;

	public MarketplaceQuery {
		page = Math.max(1, Math.min(page, MAX_PAGE));
	}

	Keywords words() {
		return Keywords.parse(this.keywords == null ? "" : this.keywords);
	}

	List<String> filterTokens() {
		List<String> tokens = new ArrayList<>();
		if (present(this.industry)) {
			tokens.add(FilterTokens.industry(this.industry));
		}
		if (present(this.product)) {
			tokens.add(FilterTokens.product(this.product));
		}
		if (present(this.service)) {
			tokens.add(FilterTokens.service(this.service));
		}
		if (this.size != null) {
			tokens.add(FilterTokens.size(this.size));
		}
		if (present(this.country)) {
			tokens.add(FilterTokens.country(this.country));
		}
		if (present(this.city)) {
			tokens.add(FilterTokens.city(this.city));
		}
		return tokens;
	}

	/** The tags a result should show first: those the customer asked for. */
	List<String> wantedTags() {
		List<String> wanted = new ArrayList<>();
		for (String tag : new String[] { this.product, this.service, this.industry }) {
			if (present(tag)) {
				wanted.add(tag);
			}
		}
		return wanted;
	}

	private static boolean present(@Nullable String value) {
		return value != null && !value.isBlank();
	}

}
