package org.leadrelay.referral;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.Text;

/**
 * What the customer needs, as tags of the vendor's catalogue (industries, products,
 * services) and free-form solutions.
 */
public record Requirements(List<String> industries, List<String> products, List<String> services,
		List<String> solutions) {

	private static final int MAX_TAGS = 50;

	public static final Requirements NONE = new Requirements(List.of(), List.of(), List.of(), List.of());

	public Requirements {
		industries = tags("details/requirements/industries", industries);
		products = tags("details/requirements/products", products);
		services = tags("details/requirements/services", services);
		solutions = tags("details/requirements/solutions", solutions);
	}

	/**
	 * Absent lists (as in a stored {@code {}}) are empty; a repeated tag is kept once. A
	 * loop, not a stream: every row of a list page reads four of these.
	 */
	private static List<String> tags(String target, @Nullable List<String> values) {
		if (values == null || values.isEmpty()) {
			return List.of();
		}
		if (values.size() > MAX_TAGS) {
			throw DomainException.invalid(target, target + " takes at most " + MAX_TAGS + " entries");
		}
		List<String> tags = new ArrayList<>(values.size());
		for (String value : values) {
			String tag = Text.required(target, value, 100);
			if (!tags.contains(tag)) {
				tags.add(tag);
			}
		}
		return Collections.unmodifiableList(tags);
	}

	public Stream<String> all() {
		return Stream.of(this.industries, this.products, this.services, this.solutions).flatMap(List::stream);
	}

}
