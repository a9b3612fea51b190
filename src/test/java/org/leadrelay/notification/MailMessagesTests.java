package org.leadrelay.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.leadrelay.shared.OrganizationKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Hungarian mail texts cover exactly the English ones, and every kind of notice has
 * its subject, headline and introduction for the audiences it goes to.
 */
class MailMessagesTests {

	@Test
	void hungarianAndEnglishHaveTheSameKeys() throws IOException {
		assertThat(load("mail/messages_hu.properties").stringPropertyNames())
			.isEqualTo(load("mail/messages.properties").stringPropertyNames());
	}

	@Test
	void everyKeyAMailTemplateNamesExistsInBothLanguages() throws IOException {
		Pattern key = Pattern.compile("#\\{([a-zA-Z][\\w./]*)");
		Set<String> used = new TreeSet<>();
		try (Stream<Path> templates = Files.list(Paths.get("src/main/resources/mail"))) {
			for (Path template : templates.filter(path -> !path.toString().endsWith(".properties")).toList()) {
				Matcher found = key.matcher(Files.readString(template));
				while (found.find()) {
					used.add(found.group(1));
				}
			}
		}
		assertThat(used).contains("mail.greeting", "mail.action.open");
		assertThat(load("mail/messages.properties").stringPropertyNames()).containsAll(used);
		assertThat(load("mail/messages_hu.properties").stringPropertyNames()).containsAll(used);
	}

	@Test
	void everyKindHasItsTextsForEachAudience() throws IOException {
		Properties english = load("mail/messages.properties");
		for (NotificationKind kind : NotificationKind.values()) {
			for (String part : new String[] { "subject", "headline", "intro" }) {
				assertThat(english).containsKey("mail." + kind.audience().key() + "." + kind.name() + "." + part);
			}
		}
		for (OrganizationKind organization : OrganizationKind.values()) {
			assertThat(NotificationKind.receivedBy(organization)).extracting(NotificationKind::audience)
				.doesNotContain(Audience.CUSTOMER);
		}
		for (NotificationKind kind : new NotificationKind[] { NotificationKind.REFERRAL_DECLINED,
				NotificationKind.REFERRAL_EXPIRED, NotificationKind.INQUIRY_CONFIRMATION }) {
			for (String part : new String[] { "subject", "headline", "intro" }) {
				assertThat(english).containsKey("mail.customer." + kind.name() + "." + part);
			}
		}
	}

	private static Properties load(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MailMessagesTests.class.getClassLoader().getResourceAsStream(resource)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
