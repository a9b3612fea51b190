package org.leadrelay.partner;

import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.Text;

/**
 * What a partner is good at: industries, products and services from the vendor's
 * catalogue, and free-form solutions and skills.
 */
public record Expertise(List<String> industries, List<String> products, List<String> services, List<String> solutions) {

	static final int MAX_TAGS = 30;

	public static final Expertise NONE = new Expertise(List.of(), List.of(), List.of(), List.of());

	public Expertise {
		industries = tags("industries", industries);
		products = tags("products", products);
		services = tags("services", services);
		solutions = tags("solutions", solutions);
	}

	public List<String> of(CatalogueKind kind) {
		return switch (kind) {
			case INDUSTRY -> this.industries;
			case PRODUCT -> this.products;
			case SERVICE -> this.services;
		};
	}

	/** Every tag, products first: the order a search result shows them in. */
	public Stream<String> all() {
		return Stream.of(this.products, this.services, this.industries, this.solutions).flatMap(List::stream);
	}

	private static List<String> tags(String target, @Nullable List<String> values) {
		if (values == null) {
			return List.of();
		}
		if (values.size() > MAX_TAGS) {
			throw DomainException.invalid(target, target + " takes at most " + MAX_TAGS + " tags");
		}
		return values.stream().map(value -> Text.required(target, value, 100)).distinct().toList();
	}

}
