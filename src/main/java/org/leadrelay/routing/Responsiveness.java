package org.leadrelay.routing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.leadrelay.shared.OrganizationId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Each partner's responsiveness as last computed (see {@link ResponsivenessScore} for the
 * formula); a partner without history in the period is neutral.
 */
@Service
public class Responsiveness {

	private static final String COLUMNS = "organization_id, answered, expired, median_response_seconds, score";

	private final JdbcClient jdbc;

	Responsiveness(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public ResponsivenessScore of(OrganizationId partner) {
		return this.jdbc.sql("select " + COLUMNS + " from partner_responsiveness where organization_id = ?")
			.param(partner.value())
			.query(Responsiveness::score)
			.optional()
			.orElseGet(() -> ResponsivenessScore.neutral(partner));
	}

	/** Every partner with history; the others are neutral. */
	public List<ResponsivenessScore> withHistory() {
		return this.jdbc.sql("select " + COLUMNS + " from partner_responsiveness").query(Responsiveness::score).list();
	}

	private static ResponsivenessScore score(ResultSet rs, int row) throws SQLException {
		long median = rs.getLong("median_response_seconds");
		return new ResponsivenessScore(new OrganizationId(rs.getObject("organization_id", UUID.class)),
				rs.getInt("answered"), rs.getInt("expired"), rs.wasNull() ? null : Duration.ofSeconds(median),
				rs.getDouble("score"));
	}

}
