package org.leadrelay.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.leadrelay.identity.ApiClients.ListedClient;
import org.leadrelay.identity.ApiClients.StoredClient;
import org.leadrelay.platform.SqlValues;
import org.leadrelay.shared.OrganizationId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores API clients ({@code api_client}) with their secrets' hashes; a revoked client
 * keeps its row, with the time it was revoked.
 */
@Repository
class ApiClientRepository {

	private final JdbcClient jdbc;

	ApiClientRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, OrganizationId organization, String clientId, String secretHash, String name,
			Instant createdAt) {
		this.jdbc
			.sql("insert into api_client (id, organization_id, client_id, secret_hash, name, created_at) "
					+ "values (?, ?, ?, ?, ?, ?)")
			.params(id, organization.value(), clientId, secretHash, name, SqlValues.timestamp(createdAt))
			.update();
	}

	/** The organization's clients, newest first, revoked ones included. */
	List<ListedClient> findAllOf(OrganizationId organization) {
		return this.jdbc
			.sql("select id, client_id, name, created_at, revoked_at from api_client where organization_id = ? "
					+ "order by created_at desc, id desc")
			.param(organization.value())
			.query((rs, row) -> new ListedClient(rs.getObject("id", UUID.class), rs.getString("client_id"),
					rs.getString("name"), SqlValues.instant(rs, "created_at"), SqlValues.instant(rs, "revoked_at")))
			.list();
	}

	/**
	 * Revokes the organization's client, unless it is revoked already (it keeps the first
	 * time then).
	 * @return its client id; empty if the organization has no such client
	 */
	Optional<String> revoke(OrganizationId organization, UUID id, Instant at) {
		return this.jdbc
			.sql("update api_client set revoked_at = coalesce(revoked_at, ?) where organization_id = ? and id = ? "
					+ "returning client_id")
			.params(SqlValues.timestamp(at), organization.value(), id)
			.query(String.class)
			.optional();
	}

	/** The client with this client id, unless it is revoked. */
	Optional<StoredClient> findActiveByClientId(String clientId) {
		return this.jdbc
			.sql("select id, client_id, secret_hash, name, organization_id from api_client "
					+ "where client_id = ? and revoked_at is null")
			.param(clientId)
			.query((rs, row) -> new StoredClient(rs.getObject("id", UUID.class), rs.getString("client_id"),
					rs.getString("secret_hash"), rs.getString("name"),
					new OrganizationId(rs.getObject("organization_id", UUID.class))))
			.optional();
	}

	/** The client id of the client with this id, revoked or not. */
	Optional<String> findClientId(UUID id) {
		return this.jdbc.sql("select client_id from api_client where id = ?").param(id).query(String.class).optional();
	}

}
