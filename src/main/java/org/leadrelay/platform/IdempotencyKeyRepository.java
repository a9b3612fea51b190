package org.leadrelay.platform;

import java.time.Instant;
import java.util.UUID;

import org.leadrelay.platform.IdempotencyKeys.StoredResponse;
import org.leadrelay.shared.OrganizationId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code idempotency_key} table: each key's request hash and stored answer. */
@Repository
class IdempotencyKeyRepository {

	private final JdbcClient jdbc;

	IdempotencyKeyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims the key for a request; false if it was claimed before. A concurrent claim of
	 * the same key waits here until the first transaction ends.
	 */
	boolean claim(OrganizationId organization, String key, String requestHash, Instant at) {
		return this.jdbc
			.sql("insert into idempotency_key (organization_id, idempotency_key, request_hash, created_at) "
					+ "values (?, ?, ?, ?) on conflict do nothing")
			.params(organization.value(), key, requestHash, SqlValues.timestamp(at))
			.update() == 1;
	}

	/** Stores the answer given to the request that claimed the key. */
	void storeResponse(OrganizationId organization, String key, StoredResponse response) {
		this.jdbc
			.sql("update idempotency_key set response_status = ?, response_body = ?, resource_id = ? "
					+ "where organization_id = ? and idempotency_key = ?")
			.params(response.status(), response.body(), response.resourceId(), organization.value(), key)
			.update();
	}

	/** A claimed key, with the answer stored for it (flagged as replayed). */
	ClaimedKey find(OrganizationId organization, String key) {
		return this.jdbc
			.sql("select request_hash, response_status, response_body, resource_id from idempotency_key "
					+ "where organization_id = ? and idempotency_key = ?")
			.params(organization.value(), key)
			.query((rs, row) -> new ClaimedKey(rs.getString("request_hash"),
					new StoredResponse(rs.getInt("response_status"), rs.getString("response_body"),
							rs.getObject("resource_id", UUID.class), true)))
			.single();
	}

	/** Deletes the keys claimed before {@code before}; how many. */
	int deleteCreatedBefore(Instant before) {
		return this.jdbc.sql("delete from idempotency_key where created_at < ?")
			.param(SqlValues.timestamp(before))
			.update();
	}

	/** A key as stored: the hash of the request that claimed it, and its answer. */
	record ClaimedKey(String requestHash, StoredResponse response) {
	}

}
