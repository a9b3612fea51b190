package org.leadrelay.webhook;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.leadrelay.testing.ReferralRequests.newReferral;

/**
 * Fair dispatch: organization A's receiver takes 2 s per answer and has a backlog that
 * alone fills every slot of a node; organization B's delivery, due after all of A's,
 * still reaches B's receiver within {@link #BOUND} of the dispatcher starting, and A
 * never has more deliveries in flight than its endpoint and organization limits allow. A
 * FIFO dispatcher (8 at a time, oldest first) would make B wait for A's first 8 answers:
 * 2 s.
 */
@IntegrationTest
class FairWebhookDispatchIntegrationTests {

	static final Duration SLOW = Duration.ofSeconds(2);

	/** Far below {@link #SLOW}: B does not wait for any of A's answers. */
	static final Duration BOUND = Duration.ofMillis(1000);

	static final String WEBHOOKS = "/v1.0/webhooks";

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
	WebhookProperties properties;

	Program program;

	ApiClient vendor;

	ApiClient organizationA;

	ApiClient organizationB;

	List<WebhookReceiver> receivers = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.program = this.programs.create();
		this.vendor = ApiClient.as(this.port, this.program.vendorClient());
		this.organizationA = ApiClient.as(this.port, this.program.contosoClient());
		this.organizationB = ApiClient.as(this.port, this.program.fabrikamClient());
	}

	@AfterEach
	void tearDown() {
		this.receivers.forEach(WebhookReceiver::close);
		for (ApiClient organization : List.of(this.organizationA, this.organizationB)) {
			for (var webhook : organization.get(WEBHOOKS).json().get("value")) {
				organization.delete(WEBHOOKS + "/" + webhook.get("id").asString());
			}
		}
	}

	@Test
	void aSlowOrganizationDoesNotDelayAnother() throws Exception {
		// A: three slow endpoints, each with a backlog of four.
		List<WebhookReceiver> slow = List.of(receiver(SLOW), receiver(SLOW), receiver(SLOW));
		slow.forEach(receiver -> register(this.organizationA, receiver));
		WebhookReceiver fast = receiver(Duration.ZERO);
		register(this.organizationB, fast);
		List<String> referrals = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			referrals.add(sendReferral(this.program.budapest()));
		}
		referrals.forEach(this.publications::awaitCompleted);
		// B's event falls due after every one of A's.
		this.clock.advance(Duration.ofSeconds(1));
		this.publications.awaitCompleted(sendReferral(this.program.vienna()));

		long started = System.nanoTime();
		CompletableFuture<Integer> run = CompletableFuture.supplyAsync(this.dispatcher::deliverDue);
		await().atMost(Duration.ofSeconds(20)).until(() -> !fast.requests().isEmpty());
		Duration waited = Duration.ofNanos(fast.requests().get(0).receivedNanos() - started);
		System.out.printf("Fair dispatch: B's delivery reached its receiver %d ms after the run started "
				+ "(A's receivers take %d ms per answer)%n", waited.toMillis(), SLOW.toMillis());
		int attempted = run.get();

		assertThat(waited).isLessThan(BOUND);
		assertThat(attempted).isGreaterThanOrEqualTo(13);
		assertThat(slow).allSatisfy(receiver -> {
			assertThat(receiver.requests()).hasSize(4);
			assertThat(receiver.mostInFlight()).isLessThanOrEqualTo(this.properties.perEndpointConcurrency());
		});
		assertThat(mostAtOnce(slow))
			.as("A never holds more than per-organization-concurrency slots, leaving %d of a node's %d to others",
					this.properties.concurrency() - this.properties.perOrganizationConcurrency(),
					this.properties.concurrency())
			.isEqualTo(this.properties.perOrganizationConcurrency());
	}

	/** The most requests the receivers were answering at the same time. */
	private static long mostAtOnce(List<WebhookReceiver> receivers) {
		List<Long> starts = receivers.stream()
			.flatMap(receiver -> receiver.requests().stream())
			.map(WebhookReceiver.Request::receivedNanos)
			.toList();
		return starts.stream()
			.mapToLong(
					start -> starts.stream().filter(other -> other <= start && start < other + SLOW.toNanos()).count())
			.max()
			.orElse(0);
	}

	private WebhookReceiver receiver(Duration delay) {
		try {
			WebhookReceiver receiver = WebhookReceiver.start().answeringAfter(delay);
			this.receivers.add(receiver);
			return receiver;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void register(ApiClient organization, WebhookReceiver receiver) {
		Response registered = organization.post(WEBHOOKS,
				"{\"url\": \"" + receiver.url() + "\", \"events\": [\"referral-created\"]}");
		assertThat(registered.status()).isEqualTo(201);
	}

	private String sendReferral(Location location) {
		Response created = this.vendor.post("/v1.0/engagements/referrals", newReferral(location).toString());
		assertThat(created.status()).isEqualTo(201);
		return created.json().get("id").asString();
	}

}
