package org.leadrelay.referral;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.OrganizationId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Referrals as a caller sees them, within the caller's {@link ReferralScope}: with the
 * caller's favorite mark, filtered, sorted and paged by {@link ReferralSql}.
 */
@Repository
class ReferralSearchRepository {

	private final JdbcClient jdbc;

	private final ReferralRows rows;

	ReferralSearchRepository(JdbcClient jdbc, ReferralRows rows) {
		this.jdbc = jdbc;
		this.rows = rows;
	}

	Optional<ViewedReferral> find(ReferralScope scope, String principalId, ReferralId id) {
		List<Object> params = new ArrayList<>();
		params.add(principalId);
		params.addAll(scope.params());
		params.add(id.value());
		return this.jdbc
			.sql("select " + ReferralRows.COLUMNS + ", " + ReferralSql.favoriteColumn() + ", " + RELATED
					+ " from referral r where " + scope.predicate() + " and r.id = ?")
			.params(params)
			.query((rs, row) -> ViewedReferral.by(scope.organizationId(), this.rows.mapRow(rs, row),
					rs.getBoolean("favorite"), related(rs.getString("related"))))
			.optional();
	}

	/**
	 * The other records of the referral's engagement, oldest first, read with it: what
	 * each side shows of the others (their owner, stage and status, never their fields),
	 * as {@code organization,origin,substatus,stage} with {@code ;} between records (ids
	 * and enum names hold neither).
	 */
	private static final String RELATED = "(select string_agg(o.organization_id || ',' || o.origin || ',' || "
			+ "o.substatus || ',' || coalesce(o.deal_stage, ''), ';' order by o.created_at, o.id) from referral o "
			+ "where o.engagement_id = r.engagement_id and o.id <> r.id) as related";

	private static List<RelatedReferral> related(@Nullable String records) {
		if (records == null) {
			return List.of();
		}
		return Arrays.stream(records.split(";")).map(record -> record.split(",", -1)).map(parts -> {
			String stage = parts[3];
			return new RelatedReferral(new OrganizationId(UUID.fromString(parts[0])), Origin.valueOf(parts[1]),
					Substatus.valueOf(parts[2]), stage.isEmpty() ? null : DealStage.valueOf(stage));
		}).toList();
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
		return this.jdbc
			.sql("select " + ReferralRows.COLUMNS + ", " + ReferralSql.favoriteColumn() + " from referral r where "
					+ where.where() + ReferralSql.orderBy(query.sort()) + " limit ? offset ?")
			.params(params)
			.query((rs, row) -> ViewedReferral.by(scope.organizationId(), this.rows.mapRow(rs, row),
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
