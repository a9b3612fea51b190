package org.leadrelay.marketplace;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the index's vocabulary (every word of the listed names and tags) says about the
 * words of a search.
 *
 * @param whole the words that are words of the vocabulary as they are
 * @param corrections for a word that is neither a word of the vocabulary nor the start of
 * one, its most similar words
 */
record Vocabulary(Set<String> whole, Map<String, List<String>> corrections) {

	static final Vocabulary NONE = new Vocabulary(Set.of(), Map.of());

	Vocabulary {
		whole = Set.copyOf(whole);
		corrections = Map.copyOf(corrections);
	}

}
