package org.leadrelay.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.leadrelay.partner.Location;
import org.leadrelay.platform.SqlValues;
import org.leadrelay.referral.ExpirySweep;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.MutableClock;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.TestUsers;
import org.leadrelay.testing.TestUsers.TestUser;
import org.leadrelay.webhook.Webhooks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * Times the expiry sweep including its listeners' work (mails, in-app notices, webhook
 * deliveries queued): N qualified leads of two senders at two partners, each partner with
 * a webhook, fall due at once; the clock runs from the sweep's start until the event
 * publication registry holds no incomplete publication. A measurement, not a test: it is
 * not part of {@code verify} (its name is no test's) and runs only when asked, at the
 * production batch size, on the tests' embedded PostgreSQL (fsync off):
 *
 * <pre>
 * ./mvnw -o test -Dtest=ExpirySweepMeasurement -Dleadrelay.bench.sweep-due=20000
 * </pre>
 *
 * A warm-up round of 1,000 comes first; then two measured rounds of N each.
 */
@IntegrationTest
@TestPropertySource(properties = "leadrelay.referrals.expiry-batch-size=500")
@EnabledIfSystemProperty(named = "leadrelay.bench.sweep-due", matches = "\\d+")
class ExpirySweepMeasurement {

	@Autowired
	TestProgram programs;

	@Autowired
	TestUsers users;

	@Autowired
	Webhooks webhooks;

	@Autowired
	ExpirySweep sweep;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void sweepWithListeners() {
		int due = Integer.getInteger("leadrelay.bench.sweep-due");
		Program program = this.programs.create();
		TestUser seller = this.users.create(program.vendor(), "Sam Seller", Role.VENDOR_SELLER);
		TestUser marketer = this.users.create(program.vendor(), "Mia Marketer", Role.VENDOR_MARKETING);
		for (var partner : List.of(program.contoso(), program.fabrikam())) {
			Caller admin = new Caller(Caller.Kind.API_CLIENT, "client:bench", "Bench", partner.id(),
					OrganizationKind.PARTNER, Set.of(Role.REFERRALS_ADMIN));
			this.webhooks.register(admin, "http://127.0.0.1:9/hook", List.of("referral-updated"));
		}
		round("warm-up", 1_000, program, seller, marketer);
		round("round 1", due, program, seller, marketer);
		round("round 2", due, program, seller, marketer);
	}

	private void round(String name, int due, Program program, TestUser seller, TestUser marketer) {
		Instant now = this.clock.instant();
		seed(due / 2, program.budapest(), program, seller, "SalesQualified", now);
		seed(due - due / 2, program.vienna(), program, marketer, "MarketingQualified", now);
		long mails = count("sent_mail");
		long notices = count("notification");
		long deliveries = count("webhook_delivery");
		long start = System.nanoTime();
		int expired = this.sweep.run();
		double swept = (System.nanoTime() - start) / 1e9;
		await().atMost(Duration.ofHours(1))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.jdbc.sql("select count(*) from event_publication where completion_date is null")
				.query(Long.class)
				.single() == 0);
		double total = (System.nanoTime() - start) / 1e9;
		System.out.printf(
				"%n[sweep %s] %,d expired: sweep %.1f s, with listeners %.1f s = %,.0f referrals/s; "
						+ "%,d mails, %,d in-app notices, %,d webhook deliveries%n%n",
				name, expired, swept, total, expired / total, count("sent_mail") - mails,
				count("notification") - notices, count("webhook_delivery") - deliveries);
	}

	/** Received qualified leads, sent by the user, due a minute ago. */
	private void seed(int count, Location location, Program program, TestUser sender, String qualification,
			Instant now) {
		this.jdbc.sql("""
				insert into referral (organization_id, id, version, vendor_organization_id, location_id, engagement_id,
				  qualification, type, substatus, customer_name, customer_address, customer_country, consent_to_contact,
				  consent_to_share, created_by, created_by_name, created_at, updated_at, expires_at)
				select ?, gen_random_uuid(), 1, ?, ?, gen_random_uuid(), ?, 'Independent', 'Received',
				  'Sweep customer ' || n, '{"country": "HU"}', 'HU', true, false, ?, ?, ?, ?, ?
				from generate_series(1, ?) n""")
			.params(location.organizationId().value(), program.vendor().id().value(), location.id().value(),
					qualification, sender.principalId(), sender.name(),
					SqlValues.timestamp(now.minus(Duration.ofDays(15))),
					SqlValues.timestamp(now.minus(Duration.ofDays(15))), SqlValues.timestamp(now.minusSeconds(60)),
					count)
			.update();
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
