package org.leadrelay.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.leadrelay.identity.Invitations.Invitee;
import org.leadrelay.platform.SqlValues;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores invitation links ({@code user_invitation}) by the hash of their token; a link is
 * open while it is unused and not expired.
 */
@Repository
class InvitationRepository {

	private final JdbcClient jdbc;

	InvitationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String tokenHash, UUID userId, String invitedBy, Instant createdAt, Instant expiresAt) {
		this.jdbc
			.sql("insert into user_invitation (token_hash, user_id, invited_by, created_at, expires_at) "
					+ "values (?, ?, ?, ?, ?)")
			.params(tokenHash, userId, invitedBy, SqlValues.timestamp(createdAt), SqlValues.timestamp(expiresAt))
			.update();
	}

	/** Marks the user's unused links used, so that they stop working. */
	void useUpUnusedOf(UUID userId, Instant at) {
		this.jdbc.sql("update user_invitation set used_at = ? where user_id = ? and used_at is null")
			.params(SqlValues.timestamp(at), userId)
			.update();
	}

	/** Who the link invites, while it is open at {@code now}. */
	Optional<Invitee> findOpenInvitee(String tokenHash, Instant now) {
		return this.jdbc
			.sql("select u.email, u.display_name from user_invitation i join app_user u on u.id = i.user_id "
					+ "where i.token_hash = ? and i.used_at is null and i.expires_at > ?")
			.params(tokenHash, SqlValues.timestamp(now))
			.query((rs, row) -> new Invitee(rs.getString("email"), rs.getString("display_name")))
			.optional();
	}

	/**
	 * Marks the link used if it is open at {@code now}, in one statement, so that it
	 * works only once.
	 * @return the invited user's id; empty if the link was not open
	 */
	Optional<UUID> useUp(String tokenHash, Instant now) {
		return this.jdbc
			.sql("update user_invitation set used_at = ? where token_hash = ? and used_at is null and expires_at > ? "
					+ "returning user_id")
			.params(SqlValues.timestamp(now), tokenHash, SqlValues.timestamp(now))
			.query(UUID.class)
			.optional();
	}

}
