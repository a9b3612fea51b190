package org.leadrelay.referral;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.leadrelay.platform.SqlValues;
import org.leadrelay.shared.OrganizationId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Figures over many referrals, computed from their own columns, for LeadRelay's jobs
 * (responsiveness scores); never on behalf of a caller.
 */
@Service
public class ReferralStatistics {

	private final JdbcClient jdbc;

	ReferralStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * For every partner that received leads since {@code since}: how many it answered,
	 * how many expired, and its median response time. A lead is answered when accepted
	 * (the time is its acceptance) or declined (the time is its closing); Received leads
	 * still open count for neither.
	 */
	public List<PartnerResponses> responsesSince(Instant since) {
		return this.jdbc.sql("""
				select organization_id,
				       count(*) filter (where accepted_at is not null or substatus = 'Declined') as answered,
				       count(*) filter (where substatus = 'Expired') as expired,
				       percentile_cont(0.5) within group (
				           order by extract(epoch from coalesce(accepted_at, closed_at) - created_at))
				           filter (where accepted_at is not null or substatus = 'Declined') as median_seconds
				from referral
				where created_at >= ? and substatus <> 'Received'
				group by organization_id""").param(SqlValues.timestamp(since)).query((rs, row) -> {
			double median = rs.getDouble("median_seconds");
			return new PartnerResponses(new OrganizationId(rs.getObject("organization_id", UUID.class)),
					rs.getInt("answered"), rs.getInt("expired"),
					rs.wasNull() ? null : Duration.ofMillis(Math.round(median * 1000)));
		}).list();
	}

}
