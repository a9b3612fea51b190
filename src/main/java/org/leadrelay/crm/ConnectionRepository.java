package org.leadrelay.crm;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.platform.SqlValues;
import org.leadrelay.shared.OrganizationId;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores connections. Every query a caller triggers names the caller's organization, so
 * another organization's connection is not found.
 */
@Repository
class ConnectionRepository {

	private static final String COLUMNS = "id, organization_id, kind, instance_url, token_url, client_id, "
			+ "client_secret, field_mapping, created_by, created_at, polled_until, last_polled_at, last_poll_error";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ConnectionRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(StoredConnection connection) {
		this.jdbc.sql("""
				insert into crm_connection (id, organization_id, kind, instance_url, token_url, client_id,
				    client_secret, field_mapping, created_by, created_at, polled_until, next_poll_at)
				values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""")
			.params(connection.id(), connection.organizationId().value(), connection.kind().name(),
					connection.instanceUrl(), connection.tokenUrl(), connection.clientId(),
					connection.encryptedSecret(), this.json.writeValueAsString(connection.mapping()),
					connection.createdBy(), SqlValues.timestamp(connection.createdAt()),
					SqlValues.timestamp(connection.polledUntil()), SqlValues.timestamp(connection.createdAt()))
			.update();
	}

	Optional<StoredConnection> findOf(OrganizationId organization) {
		return this.jdbc.sql("select " + COLUMNS + " from crm_connection where organization_id = ?")
			.param(organization.value())
			.query(this::connection)
			.optional();
	}

	Optional<StoredConnection> find(OrganizationId organization, UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from crm_connection where organization_id = ? and id = ?")
			.params(organization.value(), id)
			.query(this::connection)
			.optional();
	}

	boolean delete(OrganizationId organization, UUID id) {
		return this.jdbc.sql("delete from crm_connection where organization_id = ? and id = ?")
			.params(organization.value(), id)
			.update() == 1;
	}

	boolean updateMapping(OrganizationId organization, UUID id, FieldMapping mapping) {
		return this.jdbc.sql("update crm_connection set field_mapping = ?::jsonb where organization_id = ? and id = ?")
			.params(this.json.writeValueAsString(mapping), organization.value(), id)
			.update() == 1;
	}

	/**
	 * Claims connections due to be polled, skipping those another node holds, until
	 * {@code leaseUntil}: should this node die mid-poll, they come due again then.
	 */
	List<StoredConnection> claimDueForPoll(Instant now, int limit, Instant leaseUntil) {
		return this.jdbc.sql("""
				update crm_connection set poll_leased_until = ?
				where id in (
				    select id from crm_connection
				    where next_poll_at <= ? and (poll_leased_until is null or poll_leased_until < ?)
				      and (throttled_until is null or throttled_until <= ?)
				    order by next_poll_at limit ? for update skip locked)
				returning\s""" + COLUMNS)
			.params(SqlValues.timestamp(leaseUntil), SqlValues.timestamp(now), SqlValues.timestamp(now),
					SqlValues.timestamp(now), limit)
			.query(this::connection)
			.list();
	}

	/**
	 * Ends a poll: changes up to {@code polledUntil} were read; the next one is due then.
	 */
	void finishPoll(UUID id, @Nullable Instant polledUntil, Instant nextPollAt, Instant now, @Nullable String error) {
		this.jdbc.sql("""
				update crm_connection set polled_until = ?, next_poll_at = ?, poll_leased_until = null,
				    last_polled_at = ?, last_poll_error = ?
				where id = ?""")
			.params(SqlValues.timestamp(polledUntil), SqlValues.timestamp(nextPollAt), SqlValues.timestamp(now), error,
					id)
			.update();
	}

	/** The CRM asked LeadRelay to wait: no call to it before {@code until}. */
	void throttle(UUID id, Instant until) {
		this.jdbc.sql("update crm_connection set throttled_until = ? where id = ?")
			.params(SqlValues.timestamp(until), id)
			.update();
	}

	private StoredConnection connection(ResultSet rs, int row) throws SQLException {
		return new StoredConnection(rs.getObject("id", UUID.class),
				new OrganizationId(rs.getObject("organization_id", UUID.class)), CrmKind.valueOf(rs.getString("kind")),
				rs.getString("instance_url"), rs.getString("token_url"), rs.getString("client_id"),
				rs.getBytes("client_secret"), this.json.readValue(rs.getString("field_mapping"), FieldMapping.class),
				rs.getString("created_by"), SqlValues.instant(rs, "created_at"), SqlValues.instant(rs, "polled_until"),
				SqlValues.instant(rs, "last_polled_at"), rs.getString("last_poll_error"));
	}

	/** Every connection's encrypted client secret, to re-encrypt them. */
	List<StoredSecret> storedSecrets() {
		return this.jdbc.sql("select id, client_secret from crm_connection")
			.query((rs, row) -> new StoredSecret(rs.getObject("id", UUID.class), rs.getBytes("client_secret")))
			.list();
	}

	/** Replaces a client secret if it is still the one read. */
	boolean replaceSecret(UUID id, byte[] stored, byte[] replacement) {
		return this.jdbc.sql("update crm_connection set client_secret = ? where id = ? and client_secret = ?")
			.params(replacement, id, stored)
			.update() == 1;
	}

	record StoredSecret(UUID id, byte[] secret) {
	}

}
