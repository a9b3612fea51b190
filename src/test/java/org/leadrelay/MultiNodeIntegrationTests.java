package org.leadrelay;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrelay.testing.ApiClient;
import org.leadrelay.testing.ApiClient.Response;
import org.leadrelay.testing.AppNode;
import org.leadrelay.testing.FreePorts;
import org.leadrelay.testing.ReceivedMail;
import org.leadrelay.testing.TestProgram.Credentials;
import org.leadrelay.webhook.WebhookReceiver;
import org.leadrelay.webhook.WebhookReceiver.Request;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two LeadRelay nodes on one PostgreSQL: idempotent POSTs and the expiry sweep each take
 * effect exactly once while both run, and when one node is killed in the middle of a
 * sweep; mails and webhooks go out once from two nodes, and what the nodes left unsent
 * when they died goes out after a restart. Each test starts with both nodes running
 * (restarting what an earlier test killed) and counts only its own customers, so the
 * tests run in any order.
 */
class MultiNodeIntegrationTests {

	static final String VENDOR = "00000000-0000-7000-8000-0000000000a1";

	static final String PARTNER = "00000000-0000-7000-8000-0000000000b1";

	static final String LOCATION = "00000000-0000-7000-8000-0000000000c1";

	static final String LOCATION_ALERTS = "alerts@partner.example";

	static final Credentials vendorClient = new Credentials("multi-node-vendor", "multi-node-secret");

	static String vendorToken;

	static final Credentials partnerClient = new Credentials("multi-node-partner", "multi-node-secret");

	@TempDir
	static Path dataDir;

	static EmbeddedPostgres postgres;

	static JdbcClient jdbc;

	static AppNode nodeA;

	static AppNode nodeB;

	static String url;

	static String[] properties;

	static int restarts;

	static GreenMail smtp;

	static WebhookReceiver receiver;

	@BeforeAll
	static void startCluster() throws Exception {
		postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(true).start();
		url = postgres.getJdbcUrl("postgres", "postgres");
		jdbc = JdbcClient.create(postgres.getPostgresDatabase());
		smtp = new GreenMail(new ServerSetup(FreePorts.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		receiver = WebhookReceiver.start();
		properties = new String[] { "leadrelay.referrals.expiry-poll-interval=PT1S",
				"leadrelay.referrals.expiry-batch-size=200", "spring.mail.host=127.0.0.1",
				"spring.mail.port=" + smtp.getSmtp().getPort(), "leadrelay.outbound.allowed-hosts=127.0.0.1",
				"leadrelay.webhooks.poll-interval=PT0.2S", "leadrelay.outbox.retry-interval=PT1S",
				"leadrelay.outbox.retry-backoff=PT1S", "leadrelay.outbox.max-retry-backoff=PT2S" };
		// Both nodes start together: Flyway's lock lets exactly one migrate the empty
		// database.
		nodeA = AppNode.start("node-a", url, properties);
		nodeB = AppNode.start("node-b", url, properties);
		nodeA.awaitReady(Duration.ofSeconds(120));
		nodeB.awaitReady(Duration.ofSeconds(120));
		createProgram();
		registerWebhook();
	}

	/** Restarts a node an earlier test killed, as an operator would. */
	@BeforeEach
	void bothNodesRun() throws Exception {
		if (!nodeA.isAlive()) {
			nodeA = AppNode.start("node-a-" + ++restarts, url, properties).awaitReady(Duration.ofSeconds(120));
		}
		if (!nodeB.isAlive()) {
			nodeB = AppNode.start("node-b-" + ++restarts, url, properties).awaitReady(Duration.ofSeconds(120));
		}
	}

	@AfterAll
	static void stopCluster() throws Exception {
		for (AppNode node : new AppNode[] { nodeA, nodeB }) {
			if (node != null) {
				node.close();
			}
		}
		if (receiver != null) {
			receiver.close();
		}
		if (smtp != null) {
			smtp.stop();
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void anIdempotentPostSentToBothNodesCreatesOneReferral() throws Exception {
		// A token from one node is good on the other: they share the signing key
		// through the database.
		String token = vendorToken(nodeA);
		String key = UUID.randomUUID().toString();
		String body = """
				{"qualification": "SalesQualified", "target": [{"type": "BusinessProfileLocation", "id": "%s"}],
				 "customerProfile": {"name": "Alpine Dairy Kft.", "address": {"country": "HU"}},
				 "consent": {"consentToContact": true}}""".formatted(LOCATION);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Callable<Response>> posts = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			AppNode node = i % 2 == 0 ? nodeA : nodeB;
			posts.add(() -> ApiClient.withToken(node.port(), token)
				.header("Idempotency-Key", key)
				.post("/v1.0/engagements/referrals", body));
		}
		List<Response> responses = new ArrayList<>();
		for (Future<Response> future : pool.invokeAll(posts)) {
			responses.add(future.get());
		}
		pool.shutdown();

		assertThat(responses).allSatisfy(response -> assertThat(response.status()).as(response.body()).isEqualTo(201));
		assertThat(responses.stream().map(response -> response.json().get("id").asString()).distinct()).hasSize(1);
		assertThat(jdbc.sql("select count(*) from referral where customer_name = 'Alpine Dairy Kft.'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void theSweepExpiresEachReferralOnceEvenWhenANodeDiesMidway() throws Exception {
		int total = 20_000;
		jdbc.sql("""
				insert into referral (organization_id, id, version, vendor_organization_id, location_id, engagement_id,
				  qualification, type, substatus, customer_name, customer_address, customer_country, consent_to_contact,
				  consent_to_share, created_by, created_by_name, created_at, updated_at, expires_at)
				select ?::uuid, gen_random_uuid(), 1, ?::uuid, ?::uuid, gen_random_uuid(), 'SalesQualified',
				  'Independent', 'Received', 'Sweep customer ' || n, '{"country": "HU"}', 'HU', true, false, 'test',
				  'Test', now() - interval '15 days', now() - interval '15 days', now() + interval '1 hour'
				from generate_series(1, ?) n""").params(PARTNER, VENDOR, LOCATION, total).update();
		jdbc.sql("update referral set expires_at = now() - interval '1 minute' where customer_name like 'Sweep%'")
			.update();

		long expiredWhenKilled = awaitExpired(1);
		nodeA.kill();
		long expired = awaitExpired(total);

		assertThat(expiredWhenKilled).as("node A died in the middle of the sweep").isLessThan(total);
		assertThat(expired).isEqualTo(total);
		assertThat(jdbc.sql("""
				select count(*) from referral_timeline t join referral r on r.id = t.referral_id
				where r.customer_name like 'Sweep%' and t.action = 'expired'""").query(Long.class).single())
			.isEqualTo(total);
		assertThat(jdbc.sql("""
				select count(*) from (select t.referral_id from referral_timeline t where t.action = 'expired'
				group by t.referral_id having count(*) > 1) twice""").query(Long.class).single()).isZero();
	}

	@Test
	void mailsAndWebhooksGoOutOnceWhileBothNodesRun() throws Exception {
		List<String> customers = new ArrayList<>();
		List<String> referrals = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			customers.add("Fan-out customer " + i);
			Response sent = sendReferral(i % 2 == 0 ? nodeA : nodeB, customers.get(i));
			assertThat(sent.status()).as(sent.body()).isEqualTo(201);
			referrals.add(sent.json().get("id").asString());
		}

		await().atMost(Duration.ofSeconds(60)).until(() -> deliveredWebhooks(referrals).size() >= 20);
		await().atMost(Duration.ofSeconds(60)).until(() -> customersMailed("Fan-out customer \\d+").size() >= 20);
		// Both nodes poll several times a second: a duplicate would arrive within this.
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(10))
			.until(() -> deliveredWebhooks(referrals).size() == 20
					&& customersMailed("Fan-out customer \\d+").size() == 20);

		assertThat(receiver.requests()).filteredOn(request -> referrals.stream().anyMatch(request.body()::contains))
			.extracting(Request::id)
			.doesNotHaveDuplicates();
		// leads sent within moments of each other come in one mail, which lists them
		assertThat(customersMailed("Fan-out customer \\d+")).as("each lead told once")
			.containsExactlyInAnyOrderElementsOf(customers);
	}

	@Test
	void whatBothNodesLeftUnsentWhenTheyDiedGoesOutOnceAfterARestart() throws Exception {
		smtp.stop();
		receiver.thenAnswer(503);
		int requestsBefore = receiver.requests().size();
		Response sent = sendReferral(nodeB, "Crash customer");
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		String referral = sent.json().get("id").asString();
		// The change is committed; its mail failed (no SMTP server) and its webhook was
		// refused with 503, so both wait for a retry when the nodes die.
		await().atMost(Duration.ofSeconds(60))
			.until(() -> receiver.requests().size() > requestsBefore && failedPublications(referral) > 0);
		nodeA.kill();
		nodeB.kill();
		smtp.start();

		nodeA = AppNode.start("node-a-after-crash", url, properties).awaitReady(Duration.ofSeconds(120));

		await().atMost(Duration.ofSeconds(60)).until(() -> mailSubjects("Crash").contains("New lead: Crash customer"));
		await().atMost(Duration.ofSeconds(60)).until(() -> !deliveredWebhooks(List.of(referral)).isEmpty());
		// a duplicate would arrive within this
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(10))
			.until(() -> deliveredWebhooks(List.of(referral)).size() == 1 && mailSubjects("Crash").size() == 1);
		assertThat(mailSubjects("Crash")).containsExactly("New lead: Crash customer");
		List<Request> forReferral = receiver.requests()
			.stream()
			.filter(request -> request.body().contains(referral))
			.toList();
		assertThat(forReferral).as("refused once, then delivered once").hasSize(2);
		assertThat(forReferral).extracting(Request::id)
			.as("a retry is the same message")
			.containsOnly(forReferral.get(0).id());
	}

	private static void registerWebhook() {
		Response registered = ApiClient.as(nodeB.port(), partnerClient).post("/v1.0/webhooks", """
				{"url": "%s", "events": ["referral-created"]}""".formatted(receiver.url()));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
	}

	/**
	 * One token for all the vendor's requests, as an integration keeps it until it
	 * expires: the token endpoint throttles a client that asks again for every request.
	 */
	private static synchronized String vendorToken(AppNode node) {
		if (vendorToken == null) {
			Response issued = ApiClient.anonymous(node.port()).tokenRequest(vendorClient);
			assertThat(issued.status()).as(issued.body()).isEqualTo(200);
			vendorToken = issued.json().get("access_token").asString();
		}
		return vendorToken;
	}

	private static Response sendReferral(AppNode node, String customer) {
		return ApiClient.withToken(node.port(), vendorToken(node)).post("/v1.0/engagements/referrals", """
				{"qualification": "SalesQualified", "target": [{"type": "BusinessProfileLocation", "id": "%s"}],
				 "customerProfile": {"name": "%s", "address": {"country": "GB"}},
				 "consent": {"consentToContact": true}}""".formatted(LOCATION, customer));
	}

	/** The webhook requests about these referrals that the receiver answered with 200. */
	private static List<Request> deliveredWebhooks(List<String> referrals) {
		return receiver.requests()
			.stream()
			.filter(Request::delivered)
			.filter(request -> referrals.stream().anyMatch(request.body()::contains))
			.toList();
	}

	/**
	 * The customers the received mails name, once per mail that names them (in its
	 * subject, or its text where it lists several leads).
	 */
	private static List<String> customersMailed(String customer) {
		Pattern names = Pattern.compile(customer);
		List<String> mailed = new ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			ReceivedMail mail = ReceivedMail.of(message);
			names.matcher(mail.subject() + "\n" + mail.text())
				.results()
				.map(MatchResult::group)
				.distinct()
				.forEach(mailed::add);
		}
		return mailed;
	}

	private static List<String> mailSubjects(String mentioning) throws MessagingException {
		List<String> subjects = new ArrayList<>();
		for (MimeMessage mail : smtp.getReceivedMessages()) {
			if (mail.getSubject().contains(mentioning)) {
				subjects.add(mail.getSubject());
			}
		}
		return subjects;
	}

	private static long failedPublications(String referral) {
		return jdbc.sql("select count(*) from event_publication where status = 'FAILED' and serialized_event like ?")
			.param("%" + referral + "%")
			.query(Long.class)
			.single();
	}

	private static long awaitExpired(long atLeast) {
		return await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> jdbc
				.sql("select count(*) from referral where customer_name like 'Sweep%' and substatus = 'Expired'")
				.query(Long.class)
				.single(), expired -> expired >= atLeast);
	}

	private static void createProgram() {
		jdbc.sql(
				"insert into organization (id, name, kind, vendor_id, created_at) values (?::uuid, 'Vendor', 'VENDOR', null, now())")
			.param(VENDOR)
			.update();
		jdbc.sql(
				"insert into organization (id, name, kind, vendor_id, created_at) values (?::uuid, 'Partner', 'PARTNER', ?::uuid, now())")
			.params(PARTNER, VENDOR)
			.update();
		jdbc.sql("insert into partner_location (organization_id, id, name, city, country, alert_emails, created_at) "
				+ "values (?::uuid, ?::uuid, 'London', 'London', 'GB', array[?], now())")
			.params(PARTNER, LOCATION, LOCATION_ALERTS)
			.update();
		createApiClient(VENDOR, vendorClient, "Vendor CRM");
		createApiClient(PARTNER, partnerClient, "Partner integration");
	}

	private static void createApiClient(String organization, Credentials credentials, String name) {
		jdbc.sql("insert into api_client (id, organization_id, client_id, secret_hash, name, created_at) "
				+ "values (gen_random_uuid(), ?::uuid, ?, ?, ?, now())")
			.params(organization, credentials.clientId(),
					PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(credentials.secret()), name)
			.update();
	}

}
