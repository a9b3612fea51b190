package org.leadrelay.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.Source;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.EventPublications;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.MutableClock;
import org.leadrelay.testing.ReferralSpecs;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.TestUsers;
import org.leadrelay.testing.TestUsers.TestUser;
import org.leadrelay.testing.WebSession;
import org.leadrelay.testing.WebSession.Page;
import org.leadrelay.webhook.WebhookReceiver.Request;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The webhooks pages, through real HTTP as a browser without JavaScript uses them: a
 * partner's Referrals admin registers an endpoint (refused input comes back with the
 * reason), sees its secret once, reads the delivery log, replays a delivery to a real
 * receiver, rotates the secret and deletes the endpoint; nobody else reaches any of it.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class WebhookPagesIntegrationTests {

	private static final Pattern SECRET = Pattern.compile("id=\"secret\"[^>]*value=\"(whsec_[^\"]+)\"");

	private static final Pattern REPLAY = Pattern.compile("/deliveries/([0-9a-f-]{36})/replay");

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	@Autowired
	TestUsers users;

	@Autowired
	ReferralManagement management;

	@Autowired
	Webhooks webhooks;

	@Autowired
	WebhookDispatcher dispatcher;

	@Autowired
	EventPublications publications;

	@Autowired
	MutableClock clock;

	Program program;

	WebSession admin;

	WebhookReceiver receiver;

	@BeforeEach
	void setUp() throws Exception {
		this.program = this.programs.create();
		this.admin = signedIn(this.users.create(this.program.contoso(), "Anna Kovacs", Role.REFERRALS_ADMIN));
		this.receiver = WebhookReceiver.start();
	}

	@AfterEach
	void tearDown() {
		this.receiver.close();
		// Leave no pending deliveries behind for other tests' dispatcher runs.
		Caller contoso = new Caller(Caller.Kind.API_CLIENT, "client:cleanup", "Cleanup", this.program.contoso().id(),
				OrganizationKind.PARTNER, Set.of(Role.REFERRALS_ADMIN));
		this.webhooks.list(contoso).forEach(webhook -> this.webhooks.delete(contoso, webhook.id()));
	}

	@Test
	void refusedInputComesBackWithTheReasonAndTheInputKept() {
		this.admin.get("/webhooks");

		Page privateAddress = this.admin.post("/webhooks",
				Map.of("url", "https://10.1.2.3/hook", "events", "referral-created"));
		Page noEvents = this.admin.post("/webhooks", Map.of("url", "https://crm.contoso.example/hooks"));
		Page blank = this.admin.post("/webhooks", Map.of("url", " ", "events", "referral-updated"));

		assertThat(privateAddress.status()).isEqualTo(422);
		assertThat(privateAddress.body()).contains("value=\"https://10.1.2.3/hook\"")
			.contains("Not accepted: The host is not allowed")
			.doesNotContain("resolves to");
		assertThat(noEvents.status()).isEqualTo(422);
		assertThat(noEvents.body()).contains("value=\"https://crm.contoso.example/hooks\"")
			.contains("id=\"events-errors\" class=\"invalid-feedback d-block\">Choose at least one.");
		assertThat(blank.status()).isEqualTo(422);
		assertThat(blank.body()).contains("id=\"url-errors\" class=\"invalid-feedback\">Required.");
		assertThat(this.admin.get("/webhooks").body()).contains("No webhooks yet.");

		// in Hungarian the reason is Hungarian too, not the domain's English text
		this.admin.get("/webhooks?lang=hu");
		Page hungarian = this.admin.post("/webhooks",
				Map.of("url", "https://10.1.2.3/hook", "events", "referral-created"));
		this.admin.get("/webhooks?lang=en");
		assertThat(hungarian.body()).contains("Adjon meg nyilvánosan elérhető, https://-sel kezdődő webcímet")
			.doesNotContain("Nem elfogadható")
			.doesNotContain("The host is not allowed");
	}

	@Test
	void anAdminRegistersAnEndpointSeesItsSecretOnceAndReplaysADelivery(CapturedOutput output) throws Exception {
		this.admin.get("/webhooks");
		Page registered = this.admin.post("/webhooks",
				Map.of("url", this.receiver.url(), "events", "referral-created"));
		assertThat(registered.status()).isEqualTo(302);
		String path = path(registered);
		assertThat(path).matches("/webhooks/[0-9a-f-]{36}");

		String first = this.admin.get(path).body();
		String secret = match(SECRET, first);
		assertThat(first).contains("Webhook registered.").contains("shown only this once");
		assertThat(this.admin.get(path).body()).as("the secret is shown once").doesNotContain(secret);
		assertThat(this.admin.get("/webhooks").body()).contains(this.receiver.url()).contains("referral-created");

		send();
		Request delivered = awaitRequests(1).get(0);
		assertThat(delivered.verifiesWith(secret, this.clock.instant())).isTrue();
		String log = this.admin.get(path).body();
		assertThat(log).contains("Delivered").contains("HTTP 200").contains("webhook-id " + delivered.id());

		Page replayed = this.admin.post(path + "/deliveries/" + match(REPLAY, log) + "/replay", Map.of());
		assertThat(path(replayed)).isEqualTo(path);
		assertThat(this.admin.get(path).body()).contains("Replay scheduled");
		List<Request> requests = awaitRequests(2);
		assertThat(requests.get(1).id()).isEqualTo(delivered.id());
		assertThat(REPLAY.matcher(this.admin.get(path).body()).results()).hasSize(2);
		assertThat(output).doesNotContain(secret);
	}

	@Test
	void aRotatedSecretIsShownOnceAndADeletedWebhookIsGone(CapturedOutput output) {
		this.admin.get("/webhooks");
		String path = path(
				this.admin.post("/webhooks", Map.of("url", this.receiver.url(), "events", "referral-updated")));
		String secret = match(SECRET, this.admin.get(path).body());

		Page rotated = this.admin.post(path + "/rotate-secret", Map.of());
		assertThat(path(rotated)).isEqualTo(path);
		String page = this.admin.get(path).body();
		String newSecret = match(SECRET, page);
		assertThat(newSecret).startsWith("whsec_").isNotEqualTo(secret);
		assertThat(page).contains("The old one keeps signing alongside it for 24 hours.");

		Page deleted = this.admin.post(path + "/delete", Map.of());
		assertThat(path(deleted)).isEqualTo("/webhooks");
		assertThat(this.admin.get("/webhooks").body()).contains("is deleted").contains("No webhooks yet.");
		assertThat(this.admin.get(path).status()).isEqualTo(404);
		assertThat(output).doesNotContain(secret).doesNotContain(newSecret);
	}

	@Test
	void anotherOrganizationsWebhookIsNotFoundAndOtherRolesAreNotAllowed() {
		this.admin.get("/webhooks");
		String path = path(
				this.admin.post("/webhooks", Map.of("url", this.receiver.url(), "events", "referral-created")));
		send();
		String delivery = match(REPLAY, awaitLog(path));
		WebSession fabrikam = signedIn(this.users.create(this.program.fabrikam(), "Franz Huber", Role.REFERRALS_ADMIN));
		fabrikam.get("/webhooks");

		assertThat(fabrikam.get(path).status()).isEqualTo(404);
		assertThat(fabrikam.post(path + "/rotate-secret", Map.of()).status()).isEqualTo(404);
		assertThat(fabrikam.post(path + "/deliveries/" + delivery + "/replay", Map.of()).status()).isEqualTo(404);
		assertThat(fabrikam.post(path + "/delete", Map.of()).status()).isEqualTo(404);
		assertThat(fabrikam.get("/webhooks").body()).doesNotContain(this.receiver.url());
		assertThat(this.admin.get("/webhooks/not-an-id").status()).isEqualTo(404);
		assertThat(this.admin.postWithoutToken(path + "/delete", Map.of()).status()).isEqualTo(403);
		assertThat(this.admin.get(path).status()).isEqualTo(200);
		assertThat(this.admin.get("/leads").body()).contains("href=\"/webhooks\"");

		TestUser referralsUser = this.users.create(this.program.contoso(), "Bence Szabo", Role.REFERRALS_USER,
				this.program.budapest());
		TestUser vendorAdmin = this.users.create(this.program.vendor(), "Nadia Admin", Role.VENDOR_ADMIN);
		for (TestUser user : List.of(referralsUser, vendorAdmin)) {
			WebSession session = signedIn(user);
			assertThat(session.get("/webhooks").status()).as(user.name()).isEqualTo(403);
			assertThat(session.get(path).status()).as(user.name()).isEqualTo(403);
			assertThat(session.get("/leads").body()).as(user.name()).doesNotContain("href=\"/webhooks\"");
		}
	}

	private Referral send() {
		Caller vendor = new Caller(Caller.Kind.API_CLIENT, "client:" + this.program.vendorClient().clientId(),
				"Vendor CRM", this.program.vendor().id(), OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
		Referral referral = this.management.send(vendor, ReferralSpecs.qualified(this.program.budapest()), Source.API);
		this.publications.awaitCompleted(referral.id());
		return referral;
	}

	private List<Request> awaitRequests(int count) {
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			this.dispatcher.deliverDue();
			return this.receiver.requests().size() >= count;
		});
		return this.receiver.requests();
	}

	/** The webhook's page once its first delivery is logged. */
	private String awaitLog(String path) {
		awaitRequests(1);
		return this.admin.get(path).body();
	}

	private WebSession signedIn(TestUser user) {
		WebSession session = new WebSession(this.port);
		session.signIn(user.email(), TestUsers.PASSWORD);
		return session;
	}

	private static String path(Page redirect) {
		assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
		return redirect.location().replaceFirst("^http://[^/]+", "");
	}

	private static String match(Pattern pattern, String html) {
		Matcher matcher = pattern.matcher(html);
		assertThat(matcher.find()).as(pattern + " in the page").isTrue();
		return matcher.group(1);
	}

}
