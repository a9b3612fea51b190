package org.leadrelay.platform.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * The languages of the UI: English (the default) and Hungarian, the seed page's language.
 * Every message key exists in both {@code messages.properties} and
 * {@code messages_hu.properties}.
 */
public final class Languages {

	public static final Locale ENGLISH = Locale.ENGLISH;

	public static final Locale HUNGARIAN = Locale.forLanguageTag("hu");

	public static final List<Locale> SUPPORTED = List.of(ENGLISH, HUNGARIAN);

	private Languages() {
	}

	/** The supported language a tag such as {@code hu-HU} asks for, if any. */
	public static @Nullable Locale supported(String tag) {
		String language = Locale.forLanguageTag(tag).getLanguage();
		return SUPPORTED.stream().filter(locale -> locale.getLanguage().equals(language)).findFirst().orElse(null);
	}

	/** The supported language of this locale, else English. */
	public static Locale supportedOrEnglish(Locale locale) {
		Locale supported = supported(locale.toLanguageTag());
		return supported == null ? ENGLISH : supported;
	}

	/** The browser's most preferred supported language, else English. */
	static Locale preferred(HttpServletRequest request) {
		Locale browser = ofBrowser(request);
		return browser == null ? ENGLISH : browser;
	}

	/**
	 * The browser's most preferred supported language ({@code Accept-Language}); null
	 * when it names none of them.
	 */
	public static @Nullable Locale ofBrowser(HttpServletRequest request) {
		String header = request.getHeader("Accept-Language");
		if (header != null) {
			try {
				for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
					Locale locale = supported(range.getRange());
					if (locale != null) {
						return locale;
					}
				}
			}
			catch (IllegalArgumentException ex) {
				// a malformed header means no preference
			}
		}
		return null;
	}

}
