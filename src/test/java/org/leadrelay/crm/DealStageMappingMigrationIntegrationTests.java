package org.leadrelay.crm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connections stored before deals synced get the default deal stages of their CRM from
 * V138, whether their mapping says {@code "dealStages": null} or has no such key.
 */
@IntegrationTest
class DealStageMappingMigrationIntegrationTests {

	@Autowired
	TestProgram programs;

	@Autowired
	ConnectionRepository connections;

	@Autowired
	JdbcClient jdbc;

	@Test
	void existingConnectionsGetTheDefaultDealStagesOfTheirCrm() throws IOException {
		Program program = this.programs.create();
		UUID dynamics = stored(program.contoso().id(), CrmKind.DYNAMICS_365);
		UUID salesforce = stored(program.fabrikam().id(), CrmKind.SALESFORCE);
		this.jdbc.sql("update crm_connection set field_mapping = field_mapping - 'dealStages' where id = ?")
			.param(salesforce)
			.update();
		try {
			this.jdbc
				.sql(new ClassPathResource("db/migration/V138__crm_deal_stage_mapping.sql")
					.getContentAsString(StandardCharsets.UTF_8))
				.update();

			assertThat(this.connections.find(program.contoso().id(), dynamics).orElseThrow().mapping().stages())
				.isEqualTo(DealStageMapping.defaults(CrmKind.DYNAMICS_365))
				.isEqualTo(new DealStageMapping("salesstage", "0", "0", "1", "2", "3"));
			assertThat(this.connections.find(program.fabrikam().id(), salesforce).orElseThrow().mapping().stages())
				.isEqualTo(DealStageMapping.defaults(CrmKind.SALESFORCE));
		}
		finally {
			this.connections.delete(program.contoso().id(), dynamics);
			this.connections.delete(program.fabrikam().id(), salesforce);
		}
	}

	/** A connection as stored before deals synced: its mapping has no deal stages. */
	private UUID stored(OrganizationId organization, CrmKind kind) {
		FieldMapping defaults = FieldMapping.defaults(kind);
		FieldMapping before = new FieldMapping(defaults.name(), defaults.amount(), defaults.currency(),
				defaults.closeDate(), defaults.description(), defaults.reference(), defaults.openStage(),
				defaults.wonStage(), defaults.lostStage(), null);
		UUID id = UUID.randomUUID();
		// not due for a poll while the test runs: its first poll is a day after it was
		// made
		Instant made = Instant.now().plus(Duration.ofDays(1));
		this.connections.insert(new StoredConnection(id, organization, kind, "https://crm.example",
				"https://crm.example/token", "client", new byte[] { 1 }, before, "test", made, null, null, null));
		return id;
	}

}
