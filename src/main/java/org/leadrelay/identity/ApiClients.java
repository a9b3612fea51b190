package org.leadrelay.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.leadrelay.platform.SqlValues;
import org.leadrelay.shared.Ids;
import org.leadrelay.shared.OrganizationId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API clients: each belongs to one organization and gets tokens with the client
 * credentials grant. Secrets are stored hashed and shown only once, when created.
 */
@Service
public class ApiClients {

	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	ApiClients(JdbcClient jdbc, PasswordEncoder passwordEncoder, Clock clock) {
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
	}

	/** Registers a client with a generated id and secret. */
	@Transactional
	public NewApiClient register(OrganizationId organization, String name) {
		String clientId = "lr-" + HexFormat.of().formatHex(randomBytes(8));
		String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
		return register(organization, name, clientId, secret);
	}

	/** Registers a client with a chosen id and secret (demo data, tests). */
	@Transactional
	public NewApiClient register(OrganizationId organization, String name, String clientId, String secret) {
		UUID id = Ids.newId(this.clock);
		this.jdbc
			.sql("insert into api_client (id, organization_id, client_id, secret_hash, name, created_at) "
					+ "values (?, ?, ?, ?, ?, ?)")
			.params(id, organization.value(), clientId, this.passwordEncoder.encode(secret), name,
					SqlValues.timestamp(this.clock.instant()))
			.update();
		return new NewApiClient(id, clientId, secret);
	}

	Optional<StoredClient> findByClientId(String clientId) {
		return this.jdbc
			.sql("select id, client_id, secret_hash, name, organization_id from api_client "
					+ "where client_id = ? and revoked_at is null")
			.param(clientId)
			.query((rs, row) -> new StoredClient(rs.getObject("id", UUID.class), rs.getString("client_id"),
					rs.getString("secret_hash"), rs.getString("name"),
					new OrganizationId(rs.getObject("organization_id", UUID.class))))
			.optional();
	}

	Optional<StoredClient> findById(UUID id) {
		return this.jdbc.sql("select client_id from api_client where id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.flatMap(this::findByClientId);
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

	/** A client just registered: the secret is in clear text here and nowhere else. */
	public record NewApiClient(UUID id, String clientId, String secret) {

		@Override
		public String toString() {
			return "NewApiClient[id=" + this.id + ", clientId=" + this.clientId + ", secret=***]";
		}

	}

	record StoredClient(UUID id, String clientId, String secretHash, String name, OrganizationId organizationId) {

		@Override
		public String toString() {
			return "StoredClient[clientId=" + this.clientId + ", organization=" + this.organizationId + "]";
		}

	}

}
