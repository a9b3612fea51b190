package org.leadrelay.identity.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.Source;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.BrowserSession;
import org.leadrelay.testing.EventPublications;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.ReferralSpecs;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.TestUsers;
import org.leadrelay.testing.TestUsers.TestUser;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * People whose browser speaks Hungarian become Hungarian users at their first sign-in;
 * then every page their role opens, and the latest mail to them, holds no text that only
 * the English bundles have (names and data aside: only the English texts that differ from
 * every Hungarian one count).
 */
@IntegrationTest
class HungarianUsersBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@Autowired
	TestProgram programs;

	@Autowired
	TestUsers users;

	@Autowired
	ReferralManagement management;

	@Autowired
	EventPublications publications;

	@Test
	void everyRoleReadsEveryPageAndItsMailInHungarian() {
		Program program = this.programs.create();
		Map<Role, TestUser> people = new LinkedHashMap<>();
		people.put(Role.VENDOR_ADMIN, this.users.create(program.vendor(), "Nagy Admin", Role.VENDOR_ADMIN));
		people.put(Role.VENDOR_SELLER, this.users.create(program.vendor(), "Kiss Seller", Role.VENDOR_SELLER));
		people.put(Role.VENDOR_MARKETING,
				this.users.create(program.vendor(), "Szabo Marketing", Role.VENDOR_MARKETING));
		people.put(Role.REFERRALS_ADMIN, this.users.create(program.contoso(), "Kovacs Anna", Role.REFERRALS_ADMIN));
		people.put(Role.REFERRALS_USER,
				this.users.create(program.contoso(), "Toth Bence", Role.REFERRALS_USER, program.budapest()));
		people.put(Role.BUSINESS_PROFILE_ADMIN,
				this.users.create(program.contoso(), "Varga Petra", Role.BUSINESS_PROFILE_ADMIN));
		Map<Role, Page> pages = new LinkedHashMap<>();
		people.forEach((role, person) -> pages.put(role, signIn(person)));

		Caller vendor = new Caller(Caller.Kind.API_CLIENT, "client:" + program.vendorClient().clientId(), "Vendor CRM",
				program.vendor().id(), OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
		Referral lead = this.management.send(vendor, ReferralSpecs.qualified(program.budapest()), Source.API);
		this.publications.awaitCompleted(lead.id());

		Collection<String> englishOnly = englishOnly("messages");
		List<String> found = new ArrayList<>();
		pages.forEach((role, page) -> {
			for (String path : pathsOf(page, role, lead)) {
				page.navigate(browser.url(path));
				assertThat(page.locator("html")).hasAttribute("lang", "hu");
				BrowserSession.screenshot(page, "hu-" + role.name().toLowerCase() + path.replaceAll("\\W+", "-"));
				found.addAll(englishIn(page.locator("body").innerText(), englishOnly, role + " " + path));
			}
		});

		Page admin = pages.get(Role.VENDOR_ADMIN);
		admin.navigate(browser.url("/sent-mail"));
		Locator mail = admin.locator("li.sent-mail")
			.filter(new Locator.FilterOptions().setHasText(people.get(Role.REFERRALS_ADMIN).email()))
			.first();
		mail.locator("summary").click();
		BrowserSession.screenshot(admin, "hu-latest-mail");
		assertThat(mail.locator("pre")).containsText("Új érdeklődő");
		found.addAll(englishIn(mail.innerText(), englishOnly("mail/messages"), "the latest mail"));

		assertThat(found).as("English texts on Hungarian pages").isEmpty();
	}

	/**
	 * Signs in from a Hungarian browser, by the form's fields (its labels are Hungarian).
	 */
	private Page signIn(TestUser person) {
		Page page = browser.newContext(BrowserSession.viewport(1280).setLocale("hu-HU")).newPage();
		browser.signIn(page, person);
		return page;
	}

	/**
	 * The pages the header opens to the role, their own pages, and the lead if they see
	 * it.
	 */
	private static Set<String> pathsOf(Page page, Role role, Referral lead) {
		page.navigate(browser.url("/"));
		Set<String> paths = new LinkedHashSet<>();
		for (Object href : (List<?>) page.locator("header nav a.nav-link")
			.evaluateAll("links => links.map(link => link.getAttribute('href'))")) {
			String path = String.valueOf(href);
			if (path.startsWith("/")) {
				paths.add(path);
			}
		}
		paths.add("/settings");
		paths.add("/notifications");
		paths.add("/notifications/settings");
		if (role != Role.BUSINESS_PROFILE_ADMIN) {
			paths.add("/leads/" + lead.id());
		}
		return paths;
	}

	private static List<String> englishIn(String text, Collection<String> englishOnly, String where) {
		List<String> found = new ArrayList<>();
		for (String english : englishOnly) {
			if (text.contains(english)) {
				found.add(where + ": \"" + english + "\"");
			}
		}
		return found;
	}

	/**
	 * The pieces of English texts (between their arguments) of at least two words that no
	 * Hungarian text contains: finding one means an English text was shown.
	 */
	private static Collection<String> englishOnly(String bundle) {
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

	private static Properties load(String name) {
		Properties properties = new Properties();
		try (InputStream in = HungarianUsersBrowserTests.class.getResourceAsStream("/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return properties;
	}

}
