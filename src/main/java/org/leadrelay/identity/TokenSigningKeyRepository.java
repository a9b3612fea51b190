package org.leadrelay.identity;

import java.time.Instant;
import java.util.Optional;

import org.leadrelay.platform.SqlValues;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores token signing keys ({@code token_signing_key}) by key id; the private half as
 * the caller sealed it.
 */
@Repository
class TokenSigningKeyRepository {

	private final JdbcClient jdbc;

	TokenSigningKeyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<StoredKey> find(String keyId) {
		return this.jdbc.sql("select private_key, public_key from token_signing_key where id = ?")
			.param(keyId)
			.query((rs, row) -> new StoredKey(rs.getString("private_key"), rs.getString("public_key")))
			.optional();
	}

	/**
	 * Stores the key unless one with its id is stored already.
	 * @return whether it was stored
	 */
	boolean insertIfAbsent(String keyId, String sealedPrivateKey, String publicKey, Instant createdAt) {
		return this.jdbc
			.sql("insert into token_signing_key (id, private_key, public_key, created_at) values (?, ?, ?, ?) "
					+ "on conflict (id) do nothing")
			.params(keyId, sealedPrivateKey, publicKey, SqlValues.timestamp(createdAt))
			.update() == 1;
	}

	/**
	 * A stored key, both halves Base64-encoded.
	 *
	 * @param sealedPrivateKey the private half, sealed
	 */
	record StoredKey(String sealedPrivateKey, String publicKey) {

		@Override
		public String toString() {
			return "StoredKey[private=***]";
		}

	}

}
