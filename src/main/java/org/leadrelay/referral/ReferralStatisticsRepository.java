package org.leadrelay.referral;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.leadrelay.platform.SqlValues;
import org.leadrelay.shared.OrganizationId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Figures over many referrals, each computed in one aggregate query. */
@Repository
class ReferralStatisticsRepository {

	private final JdbcClient jdbc;

	ReferralStatisticsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Per partner with leads created since {@code since} and answered or expired: how
	 * many it answered, how many expired, and its median response time. A lead is
	 * answered when accepted (the time is its acceptance) or declined (the time is its
	 * closing); Received leads still open count for neither.
	 */
	List<PartnerResponses> findResponsesSince(Instant since) {
		return this.jdbc
			.sql("select r.organization_id, count(*) filter (where " + ResponseTimes.ANSWERED
					+ ") as answered, count(*) filter (where r.substatus = 'Expired') as expired, "
					+ ResponseTimes.MEDIAN_SECONDS + " as median_seconds from referral r "
					+ "where r.created_at >= ? and r.substatus <> 'Received' and r.origin = 'Lead' "
					+ "group by r.organization_id")
			.param(SqlValues.timestamp(since))
			.query((rs, row) -> {
				double median = rs.getDouble("median_seconds");
				// null when the partner answered none; wasNull() speaks of the last
				// column read
				Duration medianResponseTime = rs.wasNull() ? null : Duration.ofMillis(Math.round(median * 1000));
				return new PartnerResponses(new OrganizationId(rs.getObject("organization_id", UUID.class)),
						rs.getInt("answered"), rs.getInt("expired"), medianResponseTime);
			})
			.list();
	}

}
