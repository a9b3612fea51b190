package org.leadrelay.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds English on pages and in mails meant for Hungarian readers: the pieces of the
 * English bundle's texts (between their arguments) of at least two words that no
 * Hungarian text contains. Names and data never count, only what the bundles say.
 */
public final class EnglishTexts {

	private EnglishTexts() {
	}

	/**
	 * The English-only pieces of a bundle, such as {@code messages} or
	 * {@code mail/messages}.
	 */
	public static Collection<String> onlyIn(String bundle) {
		Properties english = load(bundle + ".properties");
		Properties hungarian = load(bundle + "_hu.properties");
		String allHungarian = String.join("\n",
				hungarian.stringPropertyNames().stream().map(hungarian::getProperty).toList());
		Set<String> pieces = new TreeSet<>();
		for (String key : english.stringPropertyNames()) {
			String value = english.getProperty(key);
			if (value.equals(hungarian.getProperty(key))) {
				continue;
			}
			for (String piece : value.replace("''", "'").split("\\{[^}]*\\}|[#|<{}]|\\\\n|\\n")) {
				String words = piece.strip().replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$", "");
				if (words.contains(" ") && words.length() >= 10 && !allHungarian.contains(words)) {
					pieces.add(words);
				}
			}
		}
		return pieces;
	}

	/** Each English-only piece found in the texts, saying where. */
	public static List<String> in(Collection<String> texts, Collection<String> englishOnly, String where) {
		String text = String.join("\n", texts);
		List<String> found = new ArrayList<>();
		for (String english : englishOnly) {
			if (text.contains(english)) {
				found.add(where + ": \"" + english + "\"");
			}
		}
		return found;
	}

	private static Properties load(String name) {
		Properties properties = new Properties();
		try (InputStream in = EnglishTexts.class.getResourceAsStream("/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return properties;
	}

}
