package org.leadrelay.routing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.leadrelay.platform.SqlValues;
import org.leadrelay.shared.OrganizationId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The scores as last computed ({@code partner_responsiveness}), one row per partner with
 * history; a batch writes them ({@link JdbcTemplate}, as {@link JdbcClient} has none).
 * Each change is copied into {@code routing_location} ({@link RoutingLocationRepository})
 * in the same transaction.
 */
@Repository
class ResponsivenessRepository {

	private static final String COLUMNS = "organization_id, answered, expired, median_response_seconds, score";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	ResponsivenessRepository(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	Optional<ResponsivenessScore> find(OrganizationId partner) {
		return this.jdbc.sql("select " + COLUMNS + " from partner_responsiveness where organization_id = ?")
			.param(partner.value())
			.query(ResponsivenessRepository::score)
			.optional();
	}

	List<ResponsivenessScore> findAll() {
		return this.jdbc.sql("select " + COLUMNS + " from partner_responsiveness")
			.query(ResponsivenessRepository::score)
			.list();
	}

	/** Inserts or replaces each partner's score, stamped {@code refreshedAt}. */
	void saveAll(List<ResponsivenessScore> scores, Instant refreshedAt) {
		List<Object[]> rows = scores.stream()
			.map(score -> new Object[] { score.organizationId().value(), score.answered(), score.expired(),
					score.medianResponseTime() == null ? null : score.medianResponseTime().toSeconds(),
					(float) score.score(), SqlValues.timestamp(refreshedAt) })
			.toList();
		this.batch.batchUpdate("""
				insert into partner_responsiveness
				    (organization_id, answered, expired, median_response_seconds, score, refreshed_at)
				values (?, ?, ?, ?, ?, ?)
				on conflict (organization_id) do update set answered = excluded.answered,
				    expired = excluded.expired, median_response_seconds = excluded.median_response_seconds,
				    score = excluded.score, refreshed_at = excluded.refreshed_at""", rows);
		this.jdbc.sql("""
				update routing_location r set answered = s.answered, expired = s.expired,
				    median_response_seconds = s.median_response_seconds, score = s.score
				from partner_responsiveness s
				where s.organization_id = r.organization_id and s.refreshed_at = ?
				  and (r.answered, r.expired, r.median_response_seconds, r.score)
				      is distinct from (s.answered, s.expired, s.median_response_seconds, s.score)""")
			.param(SqlValues.timestamp(refreshedAt))
			.update();
	}

	/** Deletes the scores not refreshed since {@code before}. */
	void deleteRefreshedBefore(Instant before) {
		this.jdbc
			.sql("""
					with deleted as (delete from partner_responsiveness where refreshed_at < ? returning organization_id)
					update routing_location set answered = null, expired = null, median_response_seconds = null, score = null
					where organization_id in (select organization_id from deleted)""")
			.param(SqlValues.timestamp(before))
			.update();
	}

	static ResponsivenessScore score(ResultSet rs, int row) throws SQLException {
		long median = rs.getLong("median_response_seconds");
		// null when the partner answered none; wasNull() speaks of the last column read
		Duration medianResponseTime = rs.wasNull() ? null : Duration.ofSeconds(median);
		return new ResponsivenessScore(new OrganizationId(rs.getObject("organization_id", UUID.class)),
				rs.getInt("answered"), rs.getInt("expired"), medianResponseTime, rs.getDouble("score"));
	}

}
