package org.leadrelay.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.partner.Location;
import org.leadrelay.referral.ExpirySweep;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralEvent.ReferralExpired;
import org.leadrelay.referral.ReferralEvent.ReferralReceived;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.ReferralProperties;
import org.leadrelay.referral.ReferralsExpired;
import org.leadrelay.referral.ReferralsReceived;
import org.leadrelay.referral.Source;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.ApiClient;
import org.leadrelay.testing.ApiClient.Response;
import org.leadrelay.testing.EventPublications;
import org.leadrelay.testing.EventRecorder;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.MutableClock;
import org.leadrelay.testing.ReferralSpecs;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.webhook.WebhookReceiver.Request;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.leadrelay.testing.ReferralRequests.accept;
import static org.leadrelay.testing.ReferralRequests.newReferral;

/**
 * Webhooks end to end: a partner registers an endpoint over the API, referral changes
 * reach a real HTTP receiver signed per the Standard Webhooks spec, failures are retried
 * on schedule (honouring Retry-After), 410 disables, and deliveries can be listed and
 * replayed; never across organizations, never to private addresses.
 */
@IntegrationTest
class WebhookIntegrationTests {

	static final String WEBHOOKS = "/v1.0/webhooks";

	static final String REFERRALS = "/v1.0/engagements/referrals";

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	@Autowired
	WebhookDispatcher dispatcher;

	@Autowired
	EventPublications publications;

	@Autowired
	MutableClock clock;

	@Autowired
	ReferralProperties properties;

	@Autowired
	ExpirySweep sweep;

	@Autowired
	EventRecorder events;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ReferralManagement management;

	Program program;

	ApiClient vendor;

	ApiClient contoso;

	WebhookReceiver receiver;

	@BeforeEach
	void setUp() throws Exception {
		this.program = this.programs.create();
		this.vendor = ApiClient.as(this.port, this.program.vendorClient());
		this.contoso = ApiClient.as(this.port, this.program.contosoClient());
		this.receiver = WebhookReceiver.start();
	}

	@AfterEach
	void tearDown() {
		this.receiver.close();
		// Leave no pending deliveries behind for other tests' dispatcher runs.
		for (JsonNode webhook : this.contoso.get(WEBHOOKS).json().get("value")) {
			this.contoso.delete(WEBHOOKS + "/" + webhook.get("id").asString());
		}
	}

	@Test
	void aNewReferralReachesTheReceiverSignedAndDescribed() throws Exception {
		Response registered = register(this.receiver.url(), "referral-created", "referral-updated");
		assertThat(registered.status()).isEqualTo(201);
		String webhook = registered.json().get("id").asString();
		String secret = registered.json().get("secret").asString();
		assertThat(secret).startsWith("whsec_");
		assertThat(registered.header("Location")).endsWith(WEBHOOKS + "/" + webhook);
		assertThat(this.contoso.get(WEBHOOKS + "/" + webhook).json().has("secret")).isFalse();

		String referral = sendReferral(this.program.budapest());
		sendReferral(this.program.vienna());

		Request request = awaitRequests(1).get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.contentType()).startsWith("application/json");
		assertThat(request.verifiesWith(secret, this.clock.instant())).isTrue();
		assertThat(request.verifiesWith(WebhookSecret.generate().value(), this.clock.instant())).isFalse();
		JsonNode payload = JsonMapper.builder().build().readTree(request.body());
		assertThat(payload.get("eventName").asString()).isEqualTo("referral-created");
		assertThat(payload.get("resourceId").asString()).isEqualTo(referral);
		assertThat(payload.get("resourceName").asString()).isEqualTo("referral");
		assertThat(payload.get("resourceUri").asString()).endsWith(REFERRALS + "/" + referral);
		assertThat(payload.get("auditUri").asString()).endsWith(REFERRALS + "/" + referral + "/audit");
		assertThat(payload.get("resourceChangeUtcDate").asString()).isNotBlank();

		JsonNode delivery = deliveries(webhook).get(0);
		assertThat(delivery.get("messageId").asString()).isEqualTo(request.id());
		assertThat(delivery.get("eventName").asString()).isEqualTo("referral-created");
		assertThat(delivery.get("status").asString()).isEqualTo("delivered");
		assertThat(delivery.get("attempts").get(0).get("statusCode").asInt()).isEqualTo(200);

		this.contoso.patch(REFERRALS + "/" + referral, accept());
		Request update = awaitRequests(2).get(1);
		assertThat(update.id()).isNotEqualTo(request.id());
		assertThat(update.body()).contains("\"eventName\":\"referral-updated\"");
		// The Vienna referral belongs to Fabrikam: Contoso's endpoint never heard of it.
		assertThat(this.receiver.requests()).hasSize(2);
	}

	@Test
	void eachLeadOfAnImportChunkReachesItsOwnersEndpointOnce() {
		register(this.receiver.url(), "referral-created");
		Caller vendorClient = new Caller(Caller.Kind.API_CLIENT, "client:" + this.program.vendorClient().clientId(),
				"Vendor CRM", this.program.vendor().id(), OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
		List<ReferralReceived> batch = new ArrayList<>();
		List<Referral> chunk = this.transactions.execute(status -> {
			List<Referral> sent = new ArrayList<>();
			for (Location location : List.of(this.program.budapest(), this.program.budapest(), this.program.vienna())) {
				sent.add(this.management.send(vendorClient, ReferralSpecs.qualified(location), Source.UI, batch));
			}
			this.management.publishReceived(batch);
			return sent;
		});
		chunk.forEach(referral -> this.publications.awaitCompleted(referral.id()));

		assertThat(awaitRequests(2))
			.extracting(request -> JsonMapper.builder().build().readTree(request.body()).get("resourceId").asString())
			.containsExactlyInAnyOrder(chunk.get(0).id().toString(), chunk.get(1).id().toString());
		assertThat(this.receiver.requests())
			.allSatisfy(request -> assertThat(request.body()).contains("\"eventName\":\"referral-created\""));

		// The outbox delivers at least once: the same chunk again schedules nothing new.
		this.transactions.executeWithoutResult(status -> this.publisher.publishEvent(new ReferralsReceived(batch)));
		chunk.forEach(referral -> this.publications.awaitCompleted(referral.id()));
		this.dispatcher.deliverDue();
		assertThat(this.receiver.requests()).hasSize(2);
	}

	@Test
	void eachReferralOfAnExpiryBatchReachesItsOwnersEndpointOnce() {
		register(this.receiver.url(), "referral-updated");
		List<String> contosos = List.of(sendReferral(this.program.budapest()), sendReferral(this.program.budapest()));
		String fabrikams = sendReferral(this.program.vienna());
		contosos.forEach(this.publications::awaitCompleted);

		this.clock.advance(this.properties.responseWindow());
		this.sweep.run();
		List.of(contosos.get(0), contosos.get(1), fabrikams).forEach(this.publications::awaitCompleted);

		assertThat(awaitRequests(2))
			.extracting(request -> JsonMapper.builder().build().readTree(request.body()).get("resourceId").asString())
			.containsExactlyInAnyOrderElementsOf(contosos);
		assertThat(this.receiver.requests())
			.allSatisfy(request -> assertThat(request.body()).contains("\"eventName\":\"referral-updated\""));

		// The outbox delivers at least once: the same batch again schedules nothing new.
		List<ReferralId> ids = contosos.stream().map(id -> new ReferralId(UUID.fromString(id))).toList();
		ReferralsExpired batch = new ReferralsExpired(this.events.of(ReferralExpired.class, ids));
		this.transactions.executeWithoutResult(status -> this.publisher.publishEvent(batch));
		contosos.forEach(this.publications::awaitCompleted);
		this.dispatcher.deliverDue();
		assertThat(this.receiver.requests()).hasSize(2);
	}

	@Test
	void anEndpointGetsOnlyTheEventsItSubscribedTo() {
		register(this.receiver.url(), "referral-updated");
		String referral = sendReferral(this.program.budapest());
		this.publications.awaitCompleted(referral);
		this.dispatcher.deliverDue();
		assertThat(this.receiver.requests()).isEmpty();

		this.contoso.patch(REFERRALS + "/" + referral, accept());

		assertThat(awaitRequests(1).get(0).body()).contains("referral-updated");
	}

	@Test
	void aReceiverThatFailsTwiceThenSucceedsGetsTheEventExactlyOnceMore() {
		String webhook = register(this.receiver.url(), "referral-created").json().get("id").asString();
		this.receiver.thenAnswer(500).thenAnswer(503);
		sendReferral(this.program.budapest());
		awaitRequests(1);

		this.clock.advance(Duration.ofSeconds(4));
		this.dispatcher.deliverDue();
		assertThat(this.receiver.requests()).as("not before about 5 s").hasSize(1);
		this.clock.advance(Duration.ofSeconds(2));
		this.dispatcher.deliverDue();
		assertThat(this.receiver.requests()).hasSize(2);
		this.clock.advance(Duration.ofMinutes(5).plusSeconds(31));
		this.dispatcher.deliverDue();
		this.clock.advance(Duration.ofDays(2));
		this.dispatcher.deliverDue();

		List<Request> requests = this.receiver.requests();
		assertThat(requests).hasSize(3);
		assertThat(requests).extracting(Request::id).containsOnly(requests.get(0).id());
		JsonNode delivery = deliveries(webhook).get(0);
		assertThat(delivery.get("status").asString()).isEqualTo("delivered");
		assertThat(delivery.get("attempts").valueStream().map(attempt -> attempt.get("statusCode").asInt()))
			.containsExactly(500, 503, 200);
	}

	@Test
	void aRetryWaitsAsLongAsTheReceiverAsks() {
		String webhook = register(this.receiver.url(), "referral-created").json().get("id").asString();
		this.receiver.thenAnswer(429, Map.of("Retry-After", "120"));
		sendReferral(this.program.budapest());
		awaitRequests(1);

		this.clock.advance(Duration.ofSeconds(60));
		this.dispatcher.deliverDue();
		assertThat(this.receiver.requests()).hasSize(1);
		this.clock.advance(Duration.ofSeconds(61));
		this.dispatcher.deliverDue();

		assertThat(this.receiver.requests()).hasSize(2);
		assertThat(deliveries(webhook).get(0).get("status").asString()).isEqualTo("delivered");
	}

	@Test
	void goneDisablesTheEndpoint() {
		String webhook = register(this.receiver.url(), "referral-created", "referral-updated").json()
			.get("id")
			.asString();
		this.receiver.thenAnswer(410);
		String referral = sendReferral(this.program.budapest());
		awaitRequests(1);

		JsonNode endpoint = this.contoso.get(WEBHOOKS + "/" + webhook).json();
		assertThat(endpoint.get("status").asString()).isEqualTo("disabled");
		assertThat(endpoint.get("disabledReason").asString()).contains("410");
		String delivery = deliveries(webhook).get(0).get("id").asString();
		assertThat(deliveries(webhook).get(0).get("status").asString()).isEqualTo("failed");

		this.contoso.patch(REFERRALS + "/" + referral, accept());
		this.publications.awaitCompleted(referral);
		this.clock.advance(Duration.ofDays(1));
		this.dispatcher.deliverDue();
		assertThat(this.receiver.requests()).hasSize(1);
		assertThat(this.contoso.post(WEBHOOKS + "/" + webhook + "/deliveries/" + delivery + "/replay", "").status())
			.isEqualTo(409);
	}

	@Test
	void aRedirectIsAnAnswerNotAnInvitation() throws Exception {
		try (WebhookReceiver elsewhere = WebhookReceiver.start()) {
			String webhook = register(this.receiver.url(), "referral-created").json().get("id").asString();
			this.receiver.thenAnswer(302, Map.of("Location", elsewhere.url()));
			sendReferral(this.program.budapest());
			awaitRequests(1);

			JsonNode delivery = deliveries(webhook).get(0);
			assertThat(delivery.get("status").asString()).isEqualTo("pending");
			assertThat(delivery.get("attempts").get(0).get("statusCode").asInt()).isEqualTo(302);
			assertThat(elsewhere.requests()).isEmpty();
		}
	}

	@Test
	void aRotatedSecretKeepsSigningForADay() throws Exception {
		JsonNode registered = register(this.receiver.url(), "referral-created").json();
		String webhook = registered.get("id").asString();
		String oldSecret = registered.get("secret").asString();

		Response rotated = this.contoso.post(WEBHOOKS + "/" + webhook + "/rotate-secret", "");
		assertThat(rotated.status()).isEqualTo(200);
		String newSecret = rotated.json().get("secret").asString();
		assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);

		sendReferral(this.program.budapest());
		Request duringOverlap = awaitRequests(1).get(0);
		assertThat(duringOverlap.verifiesWith(newSecret, this.clock.instant())).isTrue();
		assertThat(duringOverlap.verifiesWith(oldSecret, this.clock.instant())).isTrue();

		this.clock.advance(Duration.ofHours(25));
		sendReferral(this.program.budapest());
		Request afterOverlap = awaitRequests(2).get(1);
		assertThat(afterOverlap.verifiesWith(newSecret, this.clock.instant())).isTrue();
		assertThat(afterOverlap.verifiesWith(oldSecret, this.clock.instant())).isFalse();
	}

	@Test
	void aReplaySendsTheSameMessageAgain() {
		String webhook = register(this.receiver.url(), "referral-created").json().get("id").asString();
		sendReferral(this.program.budapest());
		String messageId = awaitRequests(1).get(0).id();
		String delivery = deliveries(webhook).get(0).get("id").asString();

		Response replay = this.contoso.post(WEBHOOKS + "/" + webhook + "/deliveries/" + delivery + "/replay", "");

		assertThat(replay.status()).isEqualTo(202);
		assertThat(replay.json().get("replayOf").asString()).isEqualTo(delivery);
		assertThat(replay.json().get("messageId").asString()).isEqualTo(messageId);
		assertThat(awaitRequests(2).get(1).id()).isEqualTo(messageId);
		assertThat(deliveries(webhook)).hasSize(2);
	}

	@Test
	void twoNodesDeliveringAtOnceSendEachEventOnce() throws Exception {
		register(this.receiver.url(), "referral-created");
		List<String> referrals = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			referrals.add(sendReferral(this.program.budapest()));
		}
		referrals.forEach(this.publications::awaitCompleted);

		ExecutorService nodes = Executors.newFixedThreadPool(2);
		List<Future<Integer>> runs = List.of(nodes.submit(this.dispatcher::deliverDue),
				nodes.submit(this.dispatcher::deliverDue));
		for (Future<Integer> run : runs) {
			run.get();
		}
		nodes.shutdown();

		assertThat(this.receiver.requests()).hasSize(12);
		assertThat(this.receiver.requests().stream().map(Request::id).distinct()).hasSize(12);
	}

	@Test
	void privateAddressesAndPlainHttpAreRefused() {
		for (String url : List.of("https://10.1.2.3/hook", "https://169.254.169.254/latest/meta-data",
				"https://127.0.0.2/hook", "https://[::1]/hook", "https://[fd00::1]/hook", "http://203.0.113.10/hook",
				"https://user:password@203.0.113.10/hook", "ftp://203.0.113.10/hook", "not a url")) {
			Response refused = register(url, "referral-created");
			assertThat(refused.status()).as(url).isEqualTo(400);
			assertThat(refused.errorTarget()).as(url).isEqualTo("url");
		}
		Response unknownEvent = register(this.receiver.url(), "referral-deleted");
		assertThat(unknownEvent.status()).isEqualTo(400);
		assertThat(unknownEvent.errorTarget()).isEqualTo("events");
		assertThat(register(this.receiver.url()).errorTarget()).isEqualTo("events");
		assertThat(this.contoso.get(WEBHOOKS).json().get("value")).isEmpty();
	}

	@Test
	void anotherOrganizationsWebhookIsNotFound() {
		String webhook = register(this.receiver.url(), "referral-created").json().get("id").asString();
		sendReferral(this.program.budapest());
		awaitRequests(1);
		String delivery = deliveries(webhook).get(0).get("id").asString();
		ApiClient fabrikam = ApiClient.as(this.port, this.program.fabrikamClient());
		String path = WEBHOOKS + "/" + webhook;

		assertThat(fabrikam.get(path).status()).isEqualTo(404);
		assertThat(fabrikam.get(path + "/deliveries").status()).isEqualTo(404);
		assertThat(fabrikam.post(path + "/rotate-secret", "").status()).isEqualTo(404);
		assertThat(fabrikam.post(path + "/deliveries/" + delivery + "/replay", "").status()).isEqualTo(404);
		assertThat(fabrikam.delete(path).status()).isEqualTo(404);
		assertThat(fabrikam.get(WEBHOOKS).json().get("value")).isEmpty();
		assertThat(this.contoso.get(path).status()).isEqualTo(200);

		Response vendorAttempt = this.vendor.post(WEBHOOKS,
				"{\"url\": \"" + this.receiver.url() + "\", \"events\": [\"referral-created\"]}");
		assertThat(vendorAttempt.status()).isEqualTo(403);
		assertThat(this.vendor.get(path).status()).isEqualTo(403);
	}

	@Test
	void aDeletedWebhookIsGone() {
		String webhook = register(this.receiver.url(), "referral-created").json().get("id").asString();

		assertThat(this.contoso.delete(WEBHOOKS + "/" + webhook).status()).isEqualTo(204);

		assertThat(this.contoso.get(WEBHOOKS + "/" + webhook).status()).isEqualTo(404);
		String referral = sendReferral(this.program.budapest());
		this.publications.awaitCompleted(referral);
		this.dispatcher.deliverDue();
		assertThat(this.receiver.requests()).isEmpty();
	}

	private Response register(String url, String... events) {
		String names = String.join(", ", List.of(events).stream().map(event -> "\"" + event + "\"").toList());
		return this.contoso.post(WEBHOOKS, "{\"url\": \"" + url + "\", \"events\": [" + names + "]}");
	}

	private String sendReferral(Location location) {
		Response created = this.vendor.post(REFERRALS, newReferral(location).toString());
		assertThat(created.status()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private List<Request> awaitRequests(int count) {
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			this.dispatcher.deliverDue();
			return this.receiver.requests().size() >= count;
		});
		return this.receiver.requests();
	}

	private JsonNode deliveries(String webhook) {
		Response response = this.contoso.get(WEBHOOKS + "/" + webhook + "/deliveries");
		assertThat(response.status()).isEqualTo(200);
		return response.json().get("value");
	}

}
