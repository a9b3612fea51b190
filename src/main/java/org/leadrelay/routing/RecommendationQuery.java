package org.leadrelay.routing;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.CompanySize;

/**
 * What a new lead asks of a partner: catalogue tags, the customer's country and size.
 * Each part is optional; what is not given favours nobody.
 *
 * @param country ISO 3166-1 alpha-2, any case
 */
public record RecommendationQuery(List<String> industries, List<String> products, List<String> services,
		@Nullable String country, @Nullable CompanySize size) {

	public RecommendationQuery {
		industries = tags(industries);
		products = tags(products);
		services = tags(services);
		country = (country == null || country.isBlank()) ? null : country.strip().toUpperCase(Locale.ROOT);
	}

	/** Every tag the lead names, each once. */
	public List<String> tags() {
		return Stream.of(this.industries, this.products, this.services).flatMap(List::stream).distinct().toList();
	}

	private static List<String> tags(@Nullable List<String> tags) {
		return tags == null ? List.of() : tags.stream().map(String::strip).filter(tag -> !tag.isEmpty()).toList();
	}

}
