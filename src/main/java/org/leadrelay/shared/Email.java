package org.leadrelay.shared;

import java.util.regex.Pattern;

/**
 * An email address with a plausible syntax (local@domain.tld), at most 254 characters.
 */
public record Email(String value) {

	/**
	 * RFC 5322 dot-atoms; Unicode letters are allowed as SMTPUTF8 and IDN permit them.
	 */
	private static final Pattern SYNTAX = Pattern
		.compile("^[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*@"
				+ "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?)+$");

	public Email {
		if (value == null || value.length() > 254 || !SYNTAX.matcher(value).matches()) {
			throw DomainException.invalid("email", "'" + abbreviate(value) + "' is not a valid email address");
		}
	}

	/** Validates {@code value}, naming {@code target} as the field at fault. */
	public static Email of(String target, String value) {
		try {
			return new Email(value == null ? null : value.strip());
		}
		catch (DomainException ex) {
			throw DomainException.invalid(target, target + ": " + ex.getMessage());
		}
	}

	private static String abbreviate(String value) {
		if (value == null) {
			return "";
		}
		return value.length() > 60 ? value.substring(0, 60) + "…" : value;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
