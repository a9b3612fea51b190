package org.leadrelay.webhook;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.partner.Location;
import org.leadrelay.testing.ApiClient;
import org.leadrelay.testing.ApiClient.Response;
import org.leadrelay.testing.EventPublications;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.MutableClock;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.webhook.WebhookReceiver.Request;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.leadrelay.testing.ReferralRequests.accept;
import static org.leadrelay.testing.ReferralRequests.newReferral;

/**
 * The Referrals API-style webhook registration over HTTP, as a client written against the
 * reference service uses it: one registration per organization, the reference's thin
 * payload signed per Standard Webhooks, and test events followed by correlation id; never
 * across organizations.
 */
@IntegrationTest
class WebhookRegistrationIntegrationTests {

	static final String REGISTRATION = "/webhooks/v1/registration";

	static final String REFERRALS = "/v1.0/engagements/referrals";

	static final JsonMapper json = JsonMapper.builder().build();

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
		this.contoso.delete(REGISTRATION);
	}

	@Test
	void aRegistrationReceivesTheThinPayloadSigned() throws Exception {
		Response registered = register(this.contoso, this.receiver.url(), "referral-created", "referral-updated");
		assertThat(registered.status()).isEqualTo(200);
		String secret = registered.json().get("WebhookSecret").asString();
		assertThat(secret).startsWith("whsec_");
		assertThat(registered.json().get("WebhookUrl").asString()).isEqualTo(this.receiver.url());
		assertThat(registered.json().get("WebhookEvents").valueStream().map(JsonNode::asString))
			.containsExactly("referral-created", "referral-updated");
		Response read = this.contoso.get(REGISTRATION);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("SubscriberId").asString())
			.isEqualTo(registered.json().get("SubscriberId").asString());
		assertThat(read.json().has("WebhookSecret")).isFalse();

		String referral = sendReferral(this.program.budapest());
		sendReferral(this.program.vienna());

		Request request = awaitRequests(1).get(0);
		assertThat(request.verifiesWith(secret, this.clock.instant())).isTrue();
		JsonNode payload = json.readTree(request.body());
		assertThat(payload.propertyNames()).containsExactly("EventName", "ResourceUri", "ResourceName", "AuditUri",
				"ResourceChangeUtcDate");
		assertThat(payload.get("EventName").asString()).isEqualTo("referral-created");
		assertThat(payload.get("ResourceUri").asString()).endsWith(REFERRALS + "/" + referral);
		assertThat(payload.get("ResourceName").asString()).isEqualTo("referral");
		assertThat(payload.get("AuditUri").asString()).endsWith(REFERRALS + "/" + referral + "/audit");
		assertThat(payload.get("ResourceChangeUtcDate").asString()).isNotBlank();

		this.contoso.patch(REFERRALS + "/" + referral, accept());
		assertThat(json.readTree(awaitRequests(2).get(1).body()).get("EventName").asString())
			.isEqualTo("referral-updated");
		// The Vienna referral belongs to Fabrikam.
		assertThat(this.receiver.requests()).hasSize(2);
	}

	@Test
	void anOrganizationHasOneRegistrationThatPutChangesAndDeleteRemoves() throws Exception {
		assertThat(this.contoso.get(REGISTRATION).status()).isEqualTo(404);
		assertThat(register(this.contoso, this.receiver.url(), "referral-created").status()).isEqualTo(200);

		Response again = register(this.contoso, this.receiver.url(), "referral-updated");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.header("Content-Type")).startsWith("application/problem+json");

		try (WebhookReceiver elsewhere = WebhookReceiver.start()) {
			Response changed = this.contoso.put(REGISTRATION,
					"{\"webhookUrl\": \"" + elsewhere.url() + "\", \"webhookEvents\": [\"referral-updated\"]}");
			assertThat(changed.status()).isEqualTo(200);
			assertThat(changed.json().get("WebhookUrl").asString()).isEqualTo(elsewhere.url());
			assertThat(changed.json().has("WebhookSecret")).isFalse();

			String referral = sendReferral(this.program.budapest());
			this.publications.awaitCompleted(referral);
			this.dispatcher.deliverDue();
			this.contoso.patch(REFERRALS + "/" + referral, accept());
			await().atMost(Duration.ofSeconds(20)).until(() -> {
				this.dispatcher.deliverDue();
				return !elsewhere.requests().isEmpty();
			});
			assertThat(elsewhere.requests()).hasSize(1);
			assertThat(elsewhere.requests().get(0).body()).contains("\"EventName\":\"referral-updated\"");
			assertThat(this.receiver.requests()).isEmpty();
		}

		assertThat(this.contoso.delete(REGISTRATION).status()).isEqualTo(204);
		assertThat(this.contoso.get(REGISTRATION).status()).isEqualTo(404);
		assertThat(this.contoso.put(REGISTRATION, body(this.receiver.url(), "referral-created")).status())
			.isEqualTo(404);
		assertThat(this.contoso.delete(REGISTRATION).status()).isEqualTo(404);
		assertThat(register(this.contoso, this.receiver.url(), "test-created").status()).isEqualTo(200);
	}

	@Test
	void theEventsAreTheReferenceOnes() {
		Response events = this.contoso.get(REGISTRATION + "/events");

		assertThat(events.status()).isEqualTo(200);
		assertThat(events.json().valueStream().map(JsonNode::asString)).containsExactly("referral-created",
				"referral-updated", "related-referral-created", "related-referral-updated", "test-created");
		assertThat(ApiClient.anonymous(this.port).get("/v3/api-docs").json().get("paths").propertyNames()).contains(
				REGISTRATION, REGISTRATION + "/events", REGISTRATION + "/validationEvents",
				REGISTRATION + "/validationEvents/{correlationId}");
	}

	@Test
	void aTestEventIsDeliveredAndItsAttemptsCanBeFollowed() throws Exception {
		register(this.contoso, this.receiver.url(), "referral-created");
		this.receiver.thenAnswer(500);

		Response sent = this.contoso.post(REGISTRATION + "/validationEvents", "");
		assertThat(sent.status()).isEqualTo(200);
		String correlationId = sent.json().get("correlationId").asString();
		Request first = awaitRequests(1).get(0);
		JsonNode payload = json.readTree(first.body());
		assertThat(payload.get("EventName").asString()).isEqualTo("test-created");
		assertThat(payload.get("ResourceName").asString()).isEqualTo("test");
		assertThat(payload.get("ResourceUri").asString()).endsWith(REGISTRATION + "/validationEvents/" + correlationId);
		assertThat(payload.get("AuditUri").isNull()).isTrue();

		JsonNode pending = this.contoso.get(REGISTRATION + "/validationEvents/" + correlationId).json();
		assertThat(pending.get("correlationId").asString()).isEqualTo(correlationId);
		assertThat(pending.get("partnerId").asString()).isEqualTo(this.program.contoso().id().value().toString());
		assertThat(pending.get("status").asString()).isEqualTo("pending");
		assertThat(pending.get("callbackUrl").asString()).isEqualTo(this.receiver.url());
		assertThat(pending.get("results").get(0).get("responseCode").asString()).isEqualTo("500");

		this.clock.advance(Duration.ofSeconds(6));
		awaitRequests(2);
		JsonNode completed = this.contoso.get(REGISTRATION + "/validationEvents/" + correlationId).json();
		assertThat(completed.get("status").asString()).isEqualTo("completed");
		assertThat(completed.get("results").valueStream().map(result -> result.get("responseCode").asString()))
			.containsExactly("500", "200");
		assertThat(completed.get("results").get(1).get("responseMessage").asString()).isEqualTo("OK");
	}

	@Test
	void anotherOrganizationsTestEventIsNotFound() {
		register(this.contoso, this.receiver.url(), "test-created");
		String correlationId = this.contoso.post(REGISTRATION + "/validationEvents", "")
			.json()
			.get("correlationId")
			.asString();
		ApiClient fabrikam = ApiClient.as(this.port, this.program.fabrikamClient());

		assertThat(fabrikam.get(REGISTRATION + "/validationEvents/" + correlationId).status()).isEqualTo(404);
		assertThat(fabrikam.get(REGISTRATION).status()).isEqualTo(404);
		assertThat(fabrikam.post(REGISTRATION + "/validationEvents", "").status()).isEqualTo(404);
		try {
			Response own = register(fabrikam, this.receiver.url(), "test-created");
			assertThat(own.status()).isEqualTo(200);
			String fabrikamEvent = fabrikam.post(REGISTRATION + "/validationEvents", "")
				.json()
				.get("correlationId")
				.asString();
			Response foreign = this.contoso.get(REGISTRATION + "/validationEvents/" + fabrikamEvent);
			assertThat(foreign.status()).isEqualTo(404);
			assertThat(foreign.header("Content-Type")).startsWith("application/problem+json");
		}
		finally {
			fabrikam.delete(REGISTRATION);
		}
		assertThat(this.contoso.get(REGISTRATION + "/validationEvents/not-a-uuid").status()).isEqualTo(404);
		assertThat(this.contoso.get(REGISTRATION + "/validationEvents/" + correlationId).status()).isEqualTo(200);
	}

	@Test
	void badRegistrationsAreRefusedNamingTheField() {
		for (String url : List.of("https://10.1.2.3/hook", "http://203.0.113.10/hook", "not a url")) {
			Response refused = register(this.contoso, url, "referral-created");
			assertThat(refused.status()).as(url).isEqualTo(400);
			assertThat(refused.errorTarget()).as(url).isEqualTo("WebhookUrl");
		}
		Response unknownEvent = register(this.contoso, this.receiver.url(), "customer-created");
		assertThat(unknownEvent.status()).isEqualTo(400);
		assertThat(unknownEvent.errorTarget()).isEqualTo("WebhookEvents");
		assertThat(register(this.contoso, this.receiver.url()).errorTarget()).isEqualTo("WebhookEvents");
		Response unknownField = this.contoso.post(REGISTRATION, "{\"WebhookUrl\": \"" + this.receiver.url()
				+ "\", \"WebhookEvents\": [\"test-created\"], \"Color\": 1}");
		assertThat(unknownField.status()).isEqualTo(400);
		assertThat(unknownField.body()).contains("Color");
		Response referenceFields = this.contoso.post(REGISTRATION,
				"{\"SubscriberId\": \"x\", \"WebhookUrl\": \"" + this.receiver.url()
						+ "\", \"WebhookEvents\": [\"test-created\"], \"SignatureTokenToMsSignatureHeader\": true}");
		assertThat(referenceFields.status()).isEqualTo(200);
	}

	@Test
	void onlyAPartnersReferralsAdminWithATokenRegisters() {
		assertThat(ApiClient.anonymous(this.port).get(REGISTRATION).status()).isEqualTo(401);
		assertThat(
				ApiClient.anonymous(this.port).post(REGISTRATION, body(this.receiver.url(), "test-created")).status())
			.isEqualTo(401);
		Response vendorAttempt = register(this.vendor, this.receiver.url(), "test-created");
		assertThat(vendorAttempt.status()).isEqualTo(403);
		assertThat(vendorAttempt.header("Content-Type")).startsWith("application/problem+json");
	}

	private static Response register(ApiClient client, String url, String... events) {
		return client.post(REGISTRATION, body(url, events));
	}

	private static String body(String url, String... events) {
		String names = String.join(", ", List.of(events).stream().map(event -> "\"" + event + "\"").toList());
		return "{\"WebhookUrl\": \"" + url + "\", \"WebhookEvents\": [" + names + "]}";
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

}
