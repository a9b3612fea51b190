package org.leadrelay.partner;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.Text;

/**
 * The industries, products and services a vendor lets its partners claim expertise in,
 * each list sorted.
 */
public record VendorCatalogue(List<String> industries, List<String> products, List<String> services) {

	static final int MAX_ENTRIES = 200;

	public VendorCatalogue {
		industries = entries("industries", industries);
		products = entries("products", products);
		services = entries("services", services);
	}

	public List<String> of(CatalogueKind kind) {
		return switch (kind) {
			case INDUSTRY -> this.industries;
			case PRODUCT -> this.products;
			case SERVICE -> this.services;
		};
	}

	private static List<String> entries(String target, @Nullable List<String> names) {
		if (names == null) {
			return List.of();
		}
		if (names.size() > MAX_ENTRIES) {
			throw DomainException.invalid(target, target + " takes at most " + MAX_ENTRIES + " entries");
		}
		return names.stream().map(name -> Text.required(target, name, 100)).distinct().sorted().toList();
	}

}
