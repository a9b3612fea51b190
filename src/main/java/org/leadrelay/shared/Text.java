package org.leadrelay.shared;

import org.jspecify.annotations.Nullable;

/**
 * Rules for free text fields: trimmed, bounded, and blank treated as absent. Errors name
 * the field as the API spells it.
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

}
