package org.leadrelay.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.MutableClock;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestUsers;
import org.leadrelay.testing.TestUsers.TestUser;
import org.leadrelay.testing.WebSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadrelay.identity.SignInIntegrationTests.failedSignIn;

/**
 * The sign-in throttle over real HTTP: one spelling of an address for the account, the
 * lockout and the count; attempts counted before they are checked; and per-address limits
 * that keep a stranger from locking a user out.
 */
@IntegrationTest
class SignInThrottleIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	@Autowired
	TestUsers users;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	TestUser user;

	@BeforeEach
	void setUp() {
		this.user = this.users.create(this.programs.create().contoso(), "Ildiko Kiss", Role.REFERRALS_ADMIN);
	}

	@Test
	void unicodeVariantsOfAnAddressAreTheSameAccountWithTheSameCount() {
		String email = this.user.email();
		String dottedCapitalI = email.replace('i', 'İ');
		String fullWidth = email.replace("k", "\uFF2B").replace("@", "\uFF20");
		assertThat(dottedCapitalI).isNotEqualTo(email);

		assertThat(new WebSession(this.port).signIn(dottedCapitalI, TestUsers.PASSWORD).location())
			.as("the variant is the account itself")
			.endsWith("/");
		WebSession attacker = new WebSession(this.port).from("198.51.100.21");
		assertThat(failedSignIn(attacker, dottedCapitalI)).contains("Wrong email or password");
		assertThat(failedSignIn(attacker, fullWidth)).contains("Wrong email or password");
		assertThat(failedSignIn(attacker, email.toUpperCase())).contains("Wrong email or password");
		assertThat(failedSignIn(attacker, email.replace('i', 'ı'))).as("the fourth failure, whatever the spelling")
			.contains("Wait a second");

		WebSession owner = new WebSession(this.port).from("198.51.100.22");
		assertThat(owner.signIn(dottedCapitalI, TestUsers.PASSWORD).location()).endsWith("/login?error");
		assertThat(owner.get("/login?error").body()).contains("Wait a second");
		assertThat(new WebSession(this.port).signIn(fullWidth, TestUsers.PASSWORD).location()).endsWith("/login?error");
	}

	@Test
	void everyParallelAttemptIsCountedBeforeItsPasswordIsChecked() throws Exception {
		List<String> answers = burst(Collections.nCopies(30, "wrong password"));

		assertThat(answers).filteredOn(answer -> answer.contains("Wrong email or password"))
			.as("three free failures are checked, the fourth makes the rest wait")
			.hasSize(3);
		assertThat(answers).filteredOn(answer -> answer.contains("Wait a second")).hasSize(27);
		assertThat(failures()).as("the failures counted").isEqualTo(4);
	}

	@Test
	void aRightPasswordInABurstOfWrongOnesAfterTheLimitDoesNotGetIn() throws Exception {
		WebSession attacker = new WebSession(this.port).from("203.0.113.200");
		for (int i = 0; i < 4; i++) {
			failedSignIn(attacker, this.user.email());
		}

		List<String> passwords = new ArrayList<>(Collections.nCopies(30, "wrong password"));
		passwords.add(15, TestUsers.PASSWORD);

		List<String> answers = burst(passwords);

		assertThat(answers).hasSize(31)
			.allSatisfy(answer -> assertThat(answer).startsWith("/login?error").contains("Wait a second"));
		assertThat(failures()).isEqualTo(4);
	}

	@Test
	void oneAddressCannotLockAUserOut() {
		WebSession attacker = new WebSession(this.port).from("192.0.2.66");
		List<String> answers = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			answers.add(failedSignIn(attacker, this.user.email()));
			this.clock.advance(Duration.ofSeconds(10));
		}

		assertThat(answers.subList(5, 50)).as("after five failures the address may not try this account")
			.allSatisfy(answer -> assertThat(answer).contains("Too many failed sign-ins"));
		assertThat(failures()).isEqualTo(5);
		assertThat(
				new WebSession(this.port).from("192.0.2.77").signIn(this.user.email(), TestUsers.PASSWORD).location())
			.as("the user, elsewhere, signs in")
			.endsWith("/");
	}

	@Test
	void theUserWaitsOnlyTheShortDelayAfterABurstFromOneAddress() {
		WebSession attacker = new WebSession(this.port).from("192.0.2.67");
		for (int i = 0; i < 20; i++) {
			failedSignIn(attacker, this.user.email());
		}
		WebSession owner = new WebSession(this.port).from("192.0.2.78");

		assertThat(owner.signIn(this.user.email(), TestUsers.PASSWORD).location()).endsWith("/login?error");
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(owner.signIn(this.user.email(), TestUsers.PASSWORD).location()).endsWith("/");
	}

	@Test
	void anAddressTryingManyAccountsIsHeldBack() {
		WebSession sprayer = new WebSession(this.port).from("192.0.2.99");
		for (int i = 1; i < 30; i++) {
			assertThat(failedSignIn(sprayer, "nobody-" + i + "-" + this.user.email()))
				.contains("Wrong email or password");
		}

		assertThat(failedSignIn(sprayer, "nobody-30-" + this.user.email())).as("the thirtieth failure")
			.contains("Too many failed sign-ins");
		assertThat(failedSignIn(sprayer, "nobody-31-" + this.user.email())).contains("Too many failed sign-ins");
		assertThat(sprayer.signIn(this.user.email(), TestUsers.PASSWORD).location()).endsWith("/login?error");
		this.clock.advance(Duration.ofHours(1));
		assertThat(sprayer.signIn(this.user.email(), TestUsers.PASSWORD).location()).endsWith("/");
	}

	/**
	 * Sends one sign-in per password at once, each from its own browser and address;
	 * where each was redirected to, and the message shown there.
	 */
	private List<String> burst(List<String> passwords) throws Exception {
		List<WebSession> browsers = new ArrayList<>();
		for (int i = 0; i < passwords.size(); i++) {
			WebSession browser = new WebSession(this.port).from("203.0.113." + (i + 1));
			browser.get("/login");
			browsers.add(browser);
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(passwords.size());
		try {
			List<Future<String>> answers = new ArrayList<>();
			for (int i = 0; i < passwords.size(); i++) {
				WebSession browser = browsers.get(i);
				Map<String, String> form = Map.of("username", this.user.email(), "password", passwords.get(i));
				answers.add(threads.submit(() -> {
					start.await();
					String location = browser.post("/login", form).location();
					return location.replaceFirst("^https?://[^/]+", "") + "\n" + browser.get("/login?error").body();
				}));
			}
			start.countDown();
			List<String> bodies = new ArrayList<>();
			for (Future<String> answer : answers) {
				bodies.add(answer.get());
			}
			return bodies;
		}
		finally {
			threads.shutdownNow();
		}
	}

	private int failures() {
		return this.jdbc.sql("select failures from sign_in_failure where subject = ?")
			.param("account:" + EmailAddresses.normalize(this.user.email()))
			.query(Integer.class)
			.single();
	}

}
