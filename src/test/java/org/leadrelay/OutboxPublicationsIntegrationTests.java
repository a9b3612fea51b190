package org.leadrelay;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralEvent.ReferralReceived;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.Source;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.ReferralSpecs;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a new lead costs the outbox: one publication, written in the sending transaction,
 * for each listener that acts on it, and none for a listener that would only look at it
 * and return; an import chunk one per listener for all its leads.
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

	@Test
	void aNewLeadIsPublishedToTheListenersThatActOnItOnly() {
		Program program = this.programs.create();
		List<String> listeners = this.transactions.execute(status -> {
			Referral lead = this.management.send(vendorClient(program), ReferralSpecs.qualified(program.budapest()),
					Source.API);
			return listenersOf(lead);
		});

		assertThat(listeners).containsExactlyInAnyOrder("webhook.referral-deliveries",
				"notification.expiry-reminder-planning", "notification.referral-notices");
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
