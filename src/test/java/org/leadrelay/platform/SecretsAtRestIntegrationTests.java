package org.leadrelay.platform;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.TestProfiles;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.webhook.RegisteredWebhook;
import org.leadrelay.webhook.Webhooks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What someone who reads the database finds of LeadRelay's secrets: only ciphertext. Rows
 * stored in plain text before are encrypted at start.
 */
@IntegrationTest
class SecretsAtRestIntegrationTests {

	static final SealedColumn WEBHOOK_SECRETS = new SealedColumn("webhook_endpoint", "id", "secret");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestProgram programs;

	@Autowired
	Webhooks webhooks;

	@Autowired
	Secrets secrets;

	@Autowired
	SecretsAtRest atRest;

	@Test
	void theTokenSigningPrivateKeyIsStoredEncrypted() {
		String stored = this.jdbc.sql("select private_key from token_signing_key").query(String.class).single();

		assertThat(stored).startsWith("lr1:");
		assertThat(this.secrets.open(stored, "token_signing_key:leadrelay-1")).startsWith("MII");
	}

	@Test
	void aWebhookSigningSecretIsStoredEncrypted() {
		Program program = this.programs.create();

		RegisteredWebhook registered = this.webhooks.register(TestProfiles.admin(program.contoso().id()),
				"http://127.0.0.1:9/leads", List.of("referral-created"));

		String stored = this.jdbc.sql("select secret from webhook_endpoint where id = ?")
			.param(registered.endpoint().id())
			.query(String.class)
			.single();
		assertThat(stored).startsWith("lr1:").doesNotContain(registered.secret());
		assertThat(this.secrets.open(stored, "webhook_endpoint:" + registered.endpoint().id()))
			.isEqualTo(registered.secret());
	}

	@Test
	void aSecretStoredInPlainTextBeforeIsEncryptedAtStart() {
		Program program = this.programs.create();
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("""
					insert into webhook_endpoint (id, organization_id, url, events, secret, created_by, created_at)
					values (?, ?, 'https://hooks.example.com/old', '{referral-created}', 'whsec_stored-before', 'test', now())""")
			.params(id, program.contoso().id().value())
			.update();

		assertThat(this.atRest.update(WEBHOOK_SECRETS)).isGreaterThanOrEqualTo(1);

		String stored = this.jdbc.sql("select secret from webhook_endpoint where id = ?")
			.param(id)
			.query(String.class)
			.single();
		assertThat(stored).startsWith("lr1:").doesNotContain("stored-before");
		assertThat(this.secrets.open(stored, "webhook_endpoint:" + id)).isEqualTo("whsec_stored-before");
		assertThat(this.atRest.update(WEBHOOK_SECRETS)).as("nothing left to do").isZero();
	}

}
