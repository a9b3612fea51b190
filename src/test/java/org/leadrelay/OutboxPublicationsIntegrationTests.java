package org.leadrelay;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leadrelay.referral.DealDetails;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralEvent.ReferralAccepted;
import org.leadrelay.referral.ReferralEvent.ReferralReceived;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.Source;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.EventRecorder;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.ReferralSpecs;
import org.leadrelay.testing.TestProfiles;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a new lead costs the outbox: none in the sending transaction, where it waits to be
 * announced with the leads sent about then; an announcement, like an import chunk, one
 * publication per listener that acts on it for all its leads, and none for a listener
 * that would only look at it and return. The same holds for an acceptance.
 */
@IntegrationTest
class OutboxPublicationsIntegrationTests {

	@Autowired
	TestProgram programs;

	@Autowired
	ReferralManagement management;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EventRecorder events;

	@Test
	void aNewLeadWaitsToBeAnnouncedWithTheLeadsSentAboutThen() {
		Program program = this.programs.create();
		List<Referral> leads = new ArrayList<>();
		List<String> listeners = this.transactions.execute(status -> {
			leads.add(this.management.send(vendorClient(program), ReferralSpecs.qualified(program.budapest()),
					Source.API));
			leads.add(
					this.management.send(vendorClient(program), ReferralSpecs.qualified(program.vienna()), Source.API));
			assertThat(held(leads)).isEqualTo(2);
			return listenersOf(leads.get(0));
		});
		assertThat(listeners).as("no publication per lead in the sending transaction").isEmpty();

		List<ReferralId> ids = leads.stream().map(Referral::id).toList();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.events.of(ReferralReceived.class, ids).size() == 2 && held(leads) == 0);
		assertThat(this.events.batchesOf(ids)).as("both leads in one announcement").isOne();
	}

	@Test
	void anImportChunkIsPublishedOncePerListenerForAllItsLeads() {
		Program program = this.programs.create();
		List<String> listeners = this.transactions.execute(status -> {
			List<ReferralReceived> batch = new ArrayList<>();
			Referral first = this.management.send(vendorClient(program), ReferralSpecs.qualified(program.budapest()),
					Source.UI, batch);
			this.management.send(vendorClient(program), ReferralSpecs.qualified(program.vienna()), Source.UI, batch);
			this.management.publishReceived(batch);
			return listenersOf(first);
		});

		assertThat(listeners).containsExactlyInAnyOrder("webhook.referral-receipts",
				"notification.expiry-reminder-planning-batch", "notification.referral-receipts");
	}

	@Test
	void anAcceptanceIsPublishedOnlyToTheListenersThatActOnIt() {
		Program program = this.programs.create();
		Referral lead = this.management.send(vendorClient(program), ReferralSpecs.qualified(program.budapest()),
				Source.API);
		List<String> listeners = this.transactions.execute(status -> {
			this.management
				.accept(TestProfiles.admin(program.contoso().id()), lead.id(),
						DealDetails.of("Rollout", Money.of(new BigDecimal("20000"), "EUR"),
								Instant.parse("2027-06-01T00:00:00Z"), "Notes", null, null),
						List.of(), Source.API, null);
			return this.jdbc
				.sql("select listener_id from event_publication where serialized_event like ? and event_type = ? "
						+ "and listener_id not like 'org.leadrelay.testing.%'")
				.param("%" + lead.id() + "%")
				.param(ReferralAccepted.class.getName())
				.query(String.class)
				.list();
		});

		assertThat(listeners).as("an acceptance tells nobody in the app: no notices' publication")
			.containsExactlyInAnyOrder("webhook.referral-deliveries", "crm.referral-sync");
	}

	private long held(List<Referral> leads) {
		return this.jdbc.sql("select count(*) from referral_announcement where referral_id = any(?)")
			.param(leads.stream().map(lead -> lead.id().value()).toArray(UUID[]::new))
			.query(Long.class)
			.single();
	}

	/**
	 * LeadRelay's listeners an event naming the lead is published to (not the tests'
	 * recorder), read before they ran.
	 */
	private List<String> listenersOf(Referral lead) {
		return this.jdbc
			.sql("select listener_id from event_publication where serialized_event like ? "
					+ "and listener_id not like 'org.leadrelay.testing.%'")
			.param("%" + lead.id() + "%")
			.query(String.class)
			.list();
	}

	private static Caller vendorClient(Program program) {
		return new Caller(Caller.Kind.API_CLIENT, "client:" + program.vendorClient().clientId(), "Vendor CRM",
				program.vendor().id(), OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
	}

}
