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

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.leadrelay.testing.ApiClient;
import org.leadrelay.testing.ApiClient.Response;
import org.leadrelay.testing.AppNode;
import org.leadrelay.testing.TestProgram.Credentials;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two LeadRelay nodes on one PostgreSQL: idempotent POSTs and the expiry sweep each take
 * effect exactly once while both run, and when one node is killed in the middle of a
 * sweep.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiNodeIntegrationTests {

	static final String VENDOR = "00000000-0000-7000-8000-0000000000a1";

	static final String PARTNER = "00000000-0000-7000-8000-0000000000b1";

	static final String LOCATION = "00000000-0000-7000-8000-0000000000c1";

	static final Credentials vendorClient = new Credentials("multi-node-vendor", "multi-node-secret");

	@TempDir
	static Path dataDir;

	static EmbeddedPostgres postgres;

	static JdbcClient jdbc;

	static AppNode nodeA;

	static AppNode nodeB;

	@BeforeAll
	static void startCluster() throws Exception {
		postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(true).start();
		String url = postgres.getJdbcUrl("postgres", "postgres");
		jdbc = JdbcClient.create(postgres.getPostgresDatabase());
		String[] properties = { "leadrelay.referrals.expiry-poll-interval=PT1S",
				"leadrelay.referrals.expiry-batch-size=200" };
		// Both nodes start together: Flyway's lock lets exactly one migrate the empty
		// database.
		nodeA = AppNode.start("node-a", url, properties);
		nodeB = AppNode.start("node-b", url, properties);
		nodeA.awaitHealthy(Duration.ofSeconds(120));
		nodeB.awaitHealthy(Duration.ofSeconds(120));
		createProgram();
	}

	@AfterAll
	static void stopCluster() throws Exception {
		for (AppNode node : new AppNode[] { nodeA, nodeB }) {
			if (node != null) {
				node.close();
			}
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	@Order(1)
	void anIdempotentPostSentToBothNodesCreatesOneReferral() throws Exception {
		// A token from one node is good on the other: they share the signing key through
		// the database.
		String token = ApiClient.as(nodeA.port(), vendorClient)
			.tokenRequest(vendorClient)
			.json()
			.get("access_token")
			.asString();
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
	@Order(2)
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

	private static long awaitExpired(long atLeast) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		long expired = 0;
		while (System.nanoTime() < deadline) {
			expired = jdbc
				.sql("select count(*) from referral where customer_name like 'Sweep%' and substatus = 'Expired'")
				.query(Long.class)
				.single();
			if (expired >= atLeast) {
				return expired;
			}
			Thread.sleep(20);
		}
		return expired;
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
		jdbc.sql("insert into partner_location (organization_id, id, name, city, country, created_at) "
				+ "values (?::uuid, ?::uuid, 'Budapest', 'Budapest', 'HU', now())")
			.params(PARTNER, LOCATION)
			.update();
		jdbc.sql("insert into api_client (id, organization_id, client_id, secret_hash, name, created_at) "
				+ "values (gen_random_uuid(), ?::uuid, ?, ?, 'Vendor CRM', now())")
			.params(VENDOR, vendorClient.clientId(),
					PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(vendorClient.secret()))
			.update();
	}

}
