package org.leadrelay.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.leadrelay.notification.NotificationKind;
import org.leadrelay.referral.LostReason;
import org.leadrelay.referral.Qualification;
import org.leadrelay.referral.Source;
import org.leadrelay.referral.Substatus;
import org.leadrelay.shared.CompanySize;
import org.leadrelay.shared.Role;
import org.leadrelay.webhook.WebhookDelivery;
import org.leadrelay.webhook.WebhookEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text of the UI exists in English and in Hungarian, and every key the templates
 * name exists.
 */
class MessagesTests {

	static final Properties english = load("messages.properties");

	static final Properties hungarian = load("messages_hu.properties");

	static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-zA-Z][\\w./]*)");

	/**
	 * A string literal shaped like a message key, or like the start of one; not a
	 * listener's {@code id = "marketplace.index"} nor a file name such as "leads.csv".
	 */
	static final Pattern CODE_KEY = Pattern
		.compile("(?<!id = )\"([a-z][A-Za-z]*\\.(?:[A-Za-z0-9_/]+\\.)*(?!csv\")[A-Za-z0-9_/]*)\"");

	@Test
	void bothLanguagesHaveTheSameKeys() {
		assertThat(hungarian.stringPropertyNames()).as("keys missing in messages_hu.properties")
			.containsAll(english.stringPropertyNames());
		assertThat(english.stringPropertyNames()).as("keys missing in messages.properties")
			.containsAll(hungarian.stringPropertyNames());
	}

	@Test
	void everyKeyATemplateNamesExists() throws IOException {
		Set<String> used = new TreeSet<>();
		try (Stream<Path> templates = Files.walk(Paths.get("src/main/resources/templates"))) {
			for (Path template : templates.filter(path -> path.toString().endsWith(".html")).toList()) {
				Matcher key = LITERAL_KEY.matcher(Files.readString(template));
				while (key.find()) {
					used.add(key.group(1));
				}
			}
		}
		assertThat(used).isNotEmpty();
		assertThat(english.stringPropertyNames()).containsAll(used);
		assertThat(hungarian.stringPropertyNames()).containsAll(used);
	}

	/**
	 * Keys the code names, such as {@code "settings.timeZone.invalid"} or the prefix
	 * {@code "mail.field."} that it completes, exist in both languages of their bundle
	 * (the mails' for {@code mail.*}).
	 */
	@Test
	void everyKeyTheCodeNamesExistsInBothLanguages() throws IOException {
		Properties mailEnglish = load("mail/messages.properties");
		Properties mailHungarian = load("mail/messages_hu.properties");
		Set<String> webRoots = roots(english);
		Set<String> checked = new TreeSet<>();
		try (Stream<Path> sources = Files.walk(Paths.get("src/main/java"))) {
			for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
				Matcher literal = CODE_KEY.matcher(Files.readString(source));
				while (literal.find()) {
					String key = literal.group(1);
					String root = key.substring(0, key.indexOf('.'));
					if (root.equals("mail")) {
						assertHasKey(key, mailEnglish, "mail/messages.properties", source);
						assertHasKey(key, mailHungarian, "mail/messages_hu.properties", source);
						checked.add(key);
					}
					else if (webRoots.contains(root)) {
						assertHasKey(key, english, "messages.properties", source);
						assertHasKey(key, hungarian, "messages_hu.properties", source);
						checked.add(key);
					}
				}
			}
		}
		assertThat(checked).contains("mail.field.", "settings.timeZone.invalid", "notifications.done.read");
	}

	@Test
	void noTextIsBlank() {
		for (Properties bundle : List.of(english, hungarian, load("mail/messages.properties"),
				load("mail/messages_hu.properties"))) {
			assertThat(bundle.stringPropertyNames())
				.allSatisfy(key -> assertThat(bundle.getProperty(key).strip()).as(key).isNotEmpty());
		}
	}

	private static void assertHasKey(String key, Properties bundle, String name, Path source) {
		boolean found = key.endsWith(".") ? bundle.stringPropertyNames().stream().anyMatch(each -> each.startsWith(key))
				: bundle.containsKey(key);
		assertThat(found).as("%s names %s, missing in %s", source, key, name).isTrue();
	}

	private static Set<String> roots(Properties bundle) {
		Set<String> roots = new TreeSet<>();
		for (String key : bundle.stringPropertyNames()) {
			if (key.contains(".")) {
				roots.add(key.substring(0, key.indexOf('.')));
			}
		}
		return roots;
	}

	@Test
	void everyValueTheTemplatesTranslateHasAText() {
		List<String> keys = Stream
			.of(prefixed("stage.", Substatus.values()), prefixed("qualification.", Qualification.values()),
					prefixed("lostReason.", LostReason.values()), prefixed("size.", CompanySize.values()),
					prefixed("role.", Role.values()), prefixed("timeline.source.", Source.values()),
					prefixed("notificationKind.", NotificationKind.values()),
					prefixed("webhookEvent.", WebhookEvent.values()),
					prefixed("deliveryStatus.", WebhookDelivery.Status.values()))
			.flatMap(List::stream)
			.toList();

		assertThat(english.stringPropertyNames()).containsAll(keys);
	}

	private static List<String> prefixed(String prefix, Enum<?>[] values) {
		return Arrays.stream(values).map(value -> prefix + value.name()).toList();
	}

	private static Properties load(String name) {
		Properties properties = new Properties();
		try (InputStream in = MessagesTests.class.getResourceAsStream("/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return properties;
	}

}
