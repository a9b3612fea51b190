package org.leadrelay.shared;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * A person's given and family name, written in the order of the reader's language:
 * Hungarian puts the family name first ("Tóth Júlia"), English the given name ("Júlia
 * Tóth"). Pages and mails write every name through it.
 */
public record PersonName(@Nullable String given, @Nullable String family) {

	/** The name as the language writes it; empty when neither part is known. */
	public String in(Locale locale) {
		boolean familyFirst = "hu".equals(locale.getLanguage());
		return Stream.of(familyFirst ? this.family : this.given, familyFirst ? this.given : this.family)
			.filter(part -> part != null && !part.isBlank())
			.map(String::strip)
			.collect(Collectors.joining(" "));
	}

}
