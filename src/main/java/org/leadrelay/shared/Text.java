package org.leadrelay.shared;

import org.jspecify.annotations.Nullable;

/**
 * Rules for free text fields: trimmed, bounded, free of control characters, and blank
 * treated as absent. Errors name the field as the API spells it.
 */
public final class Text {

	private Text() {
	}

	public static String required(String target, @Nullable String value, int maxLength) {
		String text = optional(target, value, maxLength);
		if (text == null) {
			throw DomainException.invalid(target, target + " is required");
		}
		return text;
	}

	public static @Nullable String optional(String target, @Nullable String value, int maxLength) {
		if (value == null) {
			return null;
		}
		refuseControlCharacters(target, value);
		String text = value.strip();
		if (text.isEmpty()) {
			return null;
		}
		if (text.length() > maxLength) {
			throw DomainException.invalid(target,
					target + " must be at most " + maxLength + " characters (got " + text.length() + ")");
		}
		return text;
	}

	/**
	 * Refuses NUL and the other control characters (C0, DEL, C1) that no text of a person
	 * contains; tab, line feed and carriage return are allowed.
	 */
	public static void refuseControlCharacters(String target, String value) {
		int at = controlCharacterAt(value);
		if (at >= 0) {
			throw DomainException.invalid(target, target + " must not contain control characters (found U+"
					+ String.format("%04X", (int) value.charAt(at)) + " at position " + at + ")");
		}
	}

	/** Where the first control character is (see above), or -1. */
	public static int controlCharacterAt(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
				return i;
			}
		}
		return -1;
	}

}
