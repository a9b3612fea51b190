package org.leadrelay.marketplace;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a customer typed into the search box, as words for PostgreSQL's full-text search:
 * every word must match (a whole word of the index's vocabulary as itself, others as a
 * prefix, so {@code manufact} finds Manufacturing), either as typed or as one of its
 * corrections from the index's vocabulary ({@code dynamcis} finds Dynamics). Words are
 * letters and digits only, so they are safe in {@code to_tsquery} syntax.
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
	String exactQuery(Vocabulary vocabulary) {
		return this.words.stream().map(word -> asTyped(word, vocabulary)).collect(Collectors.joining(" & "));
	}

	/** Every word as typed or corrected. */
	String query(Vocabulary vocabulary) {
		return this.words.stream().map(word -> {
			List<String> alternatives = vocabulary.corrections().getOrDefault(word, List.of());
			if (alternatives.isEmpty()) {
				return asTyped(word, vocabulary);
			}
			return "(" + asTyped(word, vocabulary) + " | " + String.join(" | ", alternatives) + ")";
		}).collect(Collectors.joining(" & "));
	}

	/**
	 * A whole word of the vocabulary as itself; others as the start of a word. A prefix
	 * costs the index a scan of every word it starts (for a common one, tens of
	 * milliseconds), a whole word one lookup.
	 */
	private static String asTyped(String word, Vocabulary vocabulary) {
		if (vocabulary.whole().contains(word)) {
			return word;
		}
		return word.length() >= MIN_PREFIX_LENGTH ? word + ":*" : word;
	}

}
