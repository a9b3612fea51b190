package org.leadrelay.identity;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.MutableClock;
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
 * Signing in to the web UI over real HTTP: LeadRelay's own sign-in page, a new session at
 * sign-in, sign-out that ends the session, CSRF on every form, pages by role, and the
 * lockout after repeated failures.
 */
@IntegrationTest
class SignInIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	@Autowired
	TestUsers users;

	@Autowired
	MutableClock clock;

	Program program;

	TestUser partnerAdmin;

	@BeforeEach
	void setUp() {
		this.program = this.programs.create();
		this.partnerAdmin = this.users.create(this.program.contoso(), "Anna Kovacs", Role.REFERRALS_ADMIN);
	}

	@Test
	void signInRenewsTheSessionAndSignOutEndsIt() {
		WebSession browser = new WebSession(this.port);
		Page signInPage = browser.get("/login");
		String anonymousSession = browser.sessionId();

		Page signedIn = browser.signIn(this.partnerAdmin.email(), TestUsers.PASSWORD);
		String session = browser.sessionId();

		assertThat(signInPage.body()).contains("Sign in to LeadRelay").contains("name=\"_csrf\"");
		assertThat(signedIn.location()).endsWith("/");
		assertThat(session).isNotNull().isNotEqualTo(anonymousSession);
		assertThat(browser.get("/leads").status()).isEqualTo(200);

		browser.get("/leads");
		Page signedOut = browser.post("/logout", Map.of());
		assertThat(signedOut.location()).endsWith("/login?signedOut");

		WebSession thief = new WebSession(this.port);
		thief.useSessionId(session);
		assertThat(thief.get("/leads").location()).endsWith("/login");
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefused() {
		WebSession browser = new WebSession(this.port);
		browser.signIn(this.partnerAdmin.email(), TestUsers.PASSWORD);

		Page forged = browser.postWithoutToken("/logout", Map.of());
		Page forgedSignIn = new WebSession(this.port).postWithoutToken("/login",
				Map.of("username", this.partnerAdmin.email(), "password", TestUsers.PASSWORD));

		assertThat(forged.status()).isEqualTo(403);
		assertThat(forgedSignIn.status()).isEqualTo(403);
		assertThat(browser.get("/leads").status()).isEqualTo(200);
	}

	@Test
	void pagesOpenOnlyToTheRolesTheyAreFor() {
		TestUser profileAdmin = this.users.create(this.program.contoso(), "Petra Profile", Role.BUSINESS_PROFILE_ADMIN);
		TestUser referralsUser = this.users.create(this.program.contoso(), "Bence Szabo", Role.REFERRALS_USER,
				this.program.budapest());
		WebSession anonymous = new WebSession(this.port);
		WebSession profile = new WebSession(this.port);
		profile.signIn(profileAdmin.email(), TestUsers.PASSWORD);
		WebSession user = new WebSession(this.port);
		user.signIn(referralsUser.email(), TestUsers.PASSWORD);

		assertThat(anonymous.get("/leads").location()).endsWith("/login");
		assertThat(profile.get("/").location()).as("a profile admin's workspace is the business profile")
			.endsWith("/profile");
		assertThat(profile.get("/profile").status()).isEqualTo(200);
		assertThat(profile.get("/leads").status()).isEqualTo(403);
		assertThat(user.get("/users").status()).isEqualTo(403);
		assertThat(user.get("/leads/new").status()).isEqualTo(403);
		assertThat(user.get("/leads").status()).isEqualTo(200);
	}

	@Test
	void repeatedFailuresMakeTheAccountWaitLongerAndThenLockIt() {
		String email = this.partnerAdmin.email();
		WebSession first = new WebSession(this.port).from("198.51.100.11");
		WebSession second = new WebSession(this.port).from("198.51.100.12");
		WebSession third = new WebSession(this.port).from("198.51.100.15");
		for (int i = 1; i <= 3; i++) {
			assertThat(failedSignIn(first, email)).as("failure %d is free", i).contains("Wrong email or password");
		}
		assertThat(failedSignIn(first, email)).contains("Wait a second before the next try");
		assertThat(failedSignIn(first, email)).as("not even checked during the wait")
			.contains("Wait a second before the next try");
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(failedSignIn(second, email)).contains("Wait 2 seconds");
		for (int wait : new int[] { 2, 4, 8 }) {
			this.clock.advance(Duration.ofSeconds(wait));
			assertThat(failedSignIn(second, email)).contains("Wait " + wait * 2 + " seconds");
		}
		this.clock.advance(Duration.ofSeconds(16));
		assertThat(failedSignIn(third, email)).contains("Wait 32 seconds");
		this.clock.advance(Duration.ofSeconds(32));
		assertThat(failedSignIn(third, email)).as("the tenth failure locks the account")
			.contains("Too many failed sign-ins")
			.contains("Wait 15 minutes");

		WebSession owner = new WebSession(this.port).from("198.51.100.13");
		assertThat(owner.signIn(email.toUpperCase(), TestUsers.PASSWORD).location()).endsWith("/login?error");
		assertThat(owner.get("/login?error").body()).contains("Wait 15 minutes");

		this.clock.advance(Duration.ofMinutes(15));
		assertThat(owner.signIn(email, TestUsers.PASSWORD).location()).endsWith("/");
		assertThat(failedSignIn(new WebSession(this.port).from("198.51.100.14"), email))
			.as("a success resets the count")
			.contains("Wrong email or password");
		assertThat(new WebSession(this.port).from("198.51.100.14").signIn(email, TestUsers.PASSWORD).location())
			.endsWith("/");
	}

	/** Signs in with a wrong password; the message the sign-in page shows then. */
	static String failedSignIn(WebSession browser, String email) {
		Page failed = browser.signIn(email, "wrong password");
		assertThat(failed.location()).endsWith("/login?error");
		return browser.get("/login?error").body();
	}

	@Test
	void unknownAddressesAndWrongPasswordsFailAlike() {
		WebSession browser = new WebSession(this.port);
		browser.signIn("nobody-" + this.partnerAdmin.email(), "whatever");
		String unknown = browser.get("/login?error").body();
		browser.signIn(this.partnerAdmin.email(), "whatever");
		String wrongPassword = browser.get("/login?error").body();

		assertThat(unknown).contains("Wrong email or password");
		assertThat(wrongPassword).contains("Wrong email or password");
	}

}
