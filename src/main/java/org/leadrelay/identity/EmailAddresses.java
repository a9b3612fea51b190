package org.leadrelay.identity;

import java.text.Normalizer;

/**
 * The one form of an email address that accounts are stored, found and throttled under:
 * Unicode NFKC (full-width letters, ligatures and the Kelvin sign become their plain
 * letters) and then lower case letter by letter. Letter by letter, because
 * {@code "İ".toLowerCase(Locale.ROOT)} is {@code "i̇"} (two characters), while the
 * letter's own lower case is {@code i}: a variant spelled with {@code İ} or {@code ı} is
 * the same address, not a new one with a fresh failure count.
 */
final class EmailAddresses {

	private EmailAddresses() {
	}

	static String normalize(String email) {
		String composed = Normalizer.normalize(email, Normalizer.Form.NFKC);
		StringBuilder folded = new StringBuilder(composed.length());
		composed.codePoints()
			.map(letter -> Character.toLowerCase(Character.toUpperCase(letter)))
			.forEach(folded::appendCodePoint);
		return Normalizer.normalize(folded, Normalizer.Form.NFKC).strip();
	}

}
