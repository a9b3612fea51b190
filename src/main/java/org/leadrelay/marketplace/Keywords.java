package org.leadrelay.marketplace;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a customer typed into the search box, as words for PostgreSQL's full-text search:
 * every word must match (as a prefix, so {@code manufact} finds Manufacturing), either as
 * typed or as one of its corrections from the index's vocabulary ({@code dynamcis} finds
 * Dynamics). Words are letters and digits only, so they are safe in {@code to_tsquery}
 * syntax.
 */
record Keywords(List<String> words) {

	static final int MAX_WORDS = 8;

	static final int MAX_WORD_LENGTH = 50;

	/** Words shorter than this are not corrected: too few letters to tell a typo. */
	static final int MIN_CORRECTED_LENGTH = 4;

	/** Shorter words match only whole: as prefixes they would match nearly everything. */
	static final int MIN_PREFIX_LENGTH = 3;

	static Keywords parse(String text) {
		return new Keywords(Folding.words(text)
			.stream()
			.filter(word -> word.length() <= MAX_WORD_LENGTH)
			.distinct()
			.limit(MAX_WORDS)
			.toList());
	}

	boolean isEmpty() {
		return this.words.isEmpty();
	}

	List<String> correctable() {
		return this.words.stream().filter(word -> word.length() >= MIN_CORRECTED_LENGTH).toList();
	}

	/** Every word as typed: for telling exact matches from corrected ones. */
	String exactQuery() {
		return this.words.stream().map(Keywords::asTyped).collect(Collectors.joining(" & "));
	}

	/** Every word as typed or corrected. */
	String query(Map<String, List<String>> corrections) {
		return this.words.stream().map(word -> {
			List<String> alternatives = corrections.getOrDefault(word, List.of());
			if (alternatives.isEmpty()) {
				return asTyped(word);
			}
			return "(" + asTyped(word) + " | " + String.join(" | ", alternatives) + ")";
		}).collect(Collectors.joining(" & "));
	}

	private static String asTyped(String word) {
		return word.length() >= MIN_PREFIX_LENGTH ? word + ":*" : word;
	}

}
