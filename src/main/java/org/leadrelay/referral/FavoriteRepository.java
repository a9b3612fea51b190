package org.leadrelay.referral;

import java.time.Instant;

import org.leadrelay.platform.SqlValues;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each principal's favorite referrals (the heart in the list). */
@Repository
class FavoriteRepository {

	private final JdbcClient jdbc;

	FavoriteRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Marks the referral a favorite of the principal, or no longer one. */
	void set(Referral referral, String principalId, boolean favorite, Instant now) {
		if (favorite) {
			this.jdbc
				.sql("insert into referral_favorite (organization_id, principal_id, referral_id, created_at) "
						+ "values (?, ?, ?, ?) on conflict do nothing")
				.params(referral.organizationId().value(), principalId, referral.id().value(), SqlValues.timestamp(now))
				.update();
		}
		else {
			this.jdbc
				.sql("delete from referral_favorite where organization_id = ? and principal_id = ? and referral_id = ?")
				.params(referral.organizationId().value(), principalId, referral.id().value())
				.update();
		}
	}

}
