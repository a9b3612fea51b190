package org.leadrelay.identity.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.TestUsers;
import org.leadrelay.testing.TestUsers.TestUser;
import org.leadrelay.testing.WebSession;
import org.leadrelay.testing.WebSession.Page;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "My settings" over real HTTP: the first sign-in takes the browser's language and time
 * zone, an invitee otherwise keeps the inviter's language, a saved setting makes every
 * page speak it, and a wrong choice is explained at its field in the user's language.
 */
@IntegrationTest
class UserSettingsIntegrationTests {

	private static final String HUNGARIAN_BROWSER = "hu-HU,hu;q=0.9,en;q=0.8";

	private static final Pattern INVITATION = Pattern.compile("/set-password\\?token=([\\w-]+)");

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	@Autowired
	TestUsers users;

	Program program;

	TestUser admin;

	@BeforeEach
	void setUp() {
		this.program = this.programs.create();
		this.admin = this.users.create(this.program.contoso(), "Anna Kovacs", Role.REFERRALS_ADMIN);
	}

	@Test
	void theFirstSignInTakesTheBrowsersLanguageAndZoneAndLaterOnesChangeNothing() {
		WebSession hungarian = new WebSession(this.port).header("Accept-Language", HUNGARIAN_BROWSER);
		assertThat(signIn(hungarian, this.admin.email(), TestUsers.PASSWORD, "Europe/Budapest").location())
			.endsWith("/");

		assertThat(hungarian.get("/leads").body()).contains("Érdeklődők").contains("Beállításaim");
		assertSettings(hungarian.get("/settings").body(), "hu", "Europe/Budapest");

		WebSession english = new WebSession(this.port).header("Accept-Language", "en-US");
		signIn(english, this.admin.email(), TestUsers.PASSWORD, "America/New_York");
		assertSettings(english.get("/settings").body(), "hu", "Europe/Budapest");
		assertThat(english.get("/leads").body()).as("the user's language, not the browser's").contains("Érdeklődők");
	}

	@Test
	void withoutScriptOrAKnownLanguageTheUserKeepsEnglishAndTheDefaultZone() {
		WebSession browser = new WebSession(this.port).header("Accept-Language", "de-AT");
		signIn(browser, this.admin.email(), TestUsers.PASSWORD, "Not/AZone");

		assertSettings(browser.get("/settings").body(), "en", "UTC");
		assertThat(browser.get("/leads").body()).contains("My settings");
	}

	@Test
	void savedSettingsMakeEveryPageSpeakTheLanguageAndASwitchLastsOnlyTheSession() {
		WebSession browser = new WebSession(this.port);
		browser.signIn(this.admin.email(), TestUsers.PASSWORD);
		browser.get("/settings");

		Page saved = browser.post("/settings", Map.of("language", "hu", "timeZone", "Asia/Tokyo"));

		assertThat(saved.location()).endsWith("/settings");
		Page page = browser.get("/settings");
		assertThat(page.body()).contains("A beállításait elmentettük.");
		assertSettings(page.body(), "hu", "Asia/Tokyo");
		assertThat(browser.get("/users").body()).contains("Érdeklődők");
		assertThat(browser.get("/users?lang=en").body()).contains("Leads");
		assertThat(browser.get("/users").body()).as("the switch lasts the session").contains("Leads");

		browser.get("/settings");
		browser.post("/settings", Map.of("language", "hu", "timeZone", "Asia/Tokyo"));
		assertThat(browser.get("/users").body()).as("saving drops the session's switch").contains("Érdeklődők");
	}

	@Test
	void aWrongChoiceIsExplainedAtItsFieldInTheUsersLanguage() {
		WebSession browser = new WebSession(this.port);
		browser.signIn(this.admin.email(), TestUsers.PASSWORD);
		browser.get("/settings");
		browser.post("/settings", Map.of("language", "hu", "timeZone", "Europe/Budapest"));
		browser.get("/settings");

		Page wrong = browser.post("/settings", Map.of("language", "de", "timeZone", "Mars/Olympus_Mons"));
		Page blank = browser.post("/settings", Map.of("language", "", "timeZone", ""));

		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.body()).contains("id=\"language-errors\">Válassza az English vagy a Magyar lehetőséget.")
			.contains("id=\"timeZone-errors\">Válasszon időzónát a listából.");
		assertThat(blank.status()).isEqualTo(422);
		assertThat(blank.body()).contains("Válasszon nyelvet.").contains("Válasszon időzónát.");
		assertSettings(browser.get("/settings").body(), "hu", "Europe/Budapest");
	}

	@Test
	void anInviteeGetsTheInvitersLanguageUnlessTheirBrowserNamesOne() {
		WebSession inviter = new WebSession(this.port);
		inviter.signIn(this.admin.email(), TestUsers.PASSWORD);
		inviter.get("/settings");
		inviter.post("/settings", Map.of("language", "hu", "timeZone", "Europe/Budapest"));

		String quiet = invite(inviter, "Bence Szabó", "bence");
		String english = invite(inviter, "Tom Becker", "tom");

		WebSession quietBrowser = new WebSession(this.port);
		signIn(quietBrowser, quiet, "a long enough secret", "Europe/Vienna");
		assertSettings(quietBrowser.get("/settings").body(), "hu", "Europe/Vienna");
		WebSession englishBrowser = new WebSession(this.port).header("Accept-Language", "en-GB,en;q=0.9");
		signIn(englishBrowser, english, "a long enough secret", "Europe/London");
		assertSettings(englishBrowser.get("/settings").body(), "en", "Europe/London");
	}

	/** Invites a Referrals user and sets their password; returns their address. */
	private String invite(WebSession inviter, String name, String prefix) {
		String email = prefix + "-" + this.program.contoso().id() + "@contoso.example";
		inviter.get("/users");
		Page invited = inviter.post("/users", Map.of("organization", this.program.contoso().id().toString(),
				"displayName", name, "email", email, "roles", "REFERRALS_USER"));
		Matcher link = INVITATION.matcher(inviter.get(invited.location().replaceFirst("^http://[^/]+", "")).body());
		assertThat(link.find()).isTrue();
		WebSession invitee = new WebSession(this.port);
		invitee.get("/set-password?token=" + link.group(1));
		assertThat(invitee
			.post("/set-password", Map.of("token", link.group(1), "password", "a long enough secret", "confirmation",
					"a long enough secret"))
			.location()).endsWith("/login");
		return email;
	}

	private static Page signIn(WebSession browser, String email, String password, String timeZone) {
		browser.get("/login");
		return browser.post("/login", Map.of("username", email, "password", password, "timeZone", timeZone));
	}

	private static void assertSettings(String page, String language, String zone) {
		assertThat(page).containsPattern("<input[^>]*value=\"" + language + "\"[^>]*checked")
			.containsPattern("<option value=\"" + zone + "\" selected");
	}

}
