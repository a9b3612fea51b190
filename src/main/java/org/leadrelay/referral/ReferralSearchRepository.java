package org.leadrelay.referral;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Referrals as a caller sees them, within the caller's {@link ReferralScope}: with the
 * caller's favorite mark, filtered, sorted and paged by {@link ReferralSql}.
 */
@Repository
class ReferralSearchRepository {

	private final JdbcClient jdbc;

	private final ReferralRepository referrals;

	ReferralSearchRepository(JdbcClient jdbc, ReferralRepository referrals) {
		this.jdbc = jdbc;
		this.referrals = referrals;
	}

	Optional<ViewedReferral> find(ReferralScope scope, String principalId, ReferralId id) {
		List<Object> params = new ArrayList<>();
		params.add(principalId);
		params.addAll(scope.params());
		params.add(id.value());
		return this.jdbc
			.sql("select " + ReferralRepository.COLUMNS + ", " + ReferralSql.favoriteColumn()
					+ " from referral r where " + scope.predicate() + " and r.id = ?")
			.params(params)
			.query((rs, row) -> ViewedReferral.by(scope.organizationId(), this.referrals.referral(rs, row),
					rs.getBoolean("favorite")))
			.optional();
	}

	/**
	 * Up to {@code limit} referrals matching the query's filter, in its order, after its
	 * cursor or offset.
	 */
	List<ViewedReferral> findPage(ReferralScope scope, String principalId, ReferralQuery query, int limit) {
		ReferralSql where = ReferralSql.where(scope, principalId, query.filter());
		if (query.after() != null) {
			where.after(query.after(), query.sort());
		}
		List<Object> params = new ArrayList<>();
		params.add(principalId);
		params.addAll(where.params());
		params.add(limit);
		params.add(query.offset());
		return this.jdbc.sql("select " + ReferralRepository.COLUMNS + ", " + ReferralSql.favoriteColumn()
				+ " from referral r where " + where.where() + ReferralSql.orderBy(query.sort()) + " limit ? offset ?")
			.params(params)
			.query((rs, row) -> ViewedReferral.by(scope.organizationId(), this.referrals.referral(rs, row),
					rs.getBoolean("favorite")))
			.list();
	}

	/** How many referrals in the scope match the filter (null for all). */
	long count(ReferralScope scope, String principalId, @Nullable ReferralFilter filter) {
		ReferralSql where = ReferralSql.where(scope, principalId, filter);
		return this.jdbc.sql("select count(*) from referral r where " + where.where())
			.params(where.params())
			.query(Long.class)
			.single();
	}

}
