package org.leadrelay.marketplace;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text as the index compares it: lower case, accents removed ({@code Győr} is
 * {@code gyor}), split into words of letters and digits.
 */
final class Folding {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private Folding() {
	}

	static String fold(String text) {
		return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
			.replaceAll("")
			.toLowerCase(Locale.ROOT)
			.strip();
	}

	/** The words of a text, folded; only letters and digits survive. */
	static List<String> words(String text) {
		return Arrays.stream(NON_WORD.split(fold(text))).filter(word -> !word.isEmpty()).toList();
	}

}
