package org.leadrelay.referral;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.LocationId;
import org.leadrelay.platform.SqlValues;
import org.leadrelay.referral.DealPipeline.StageDeals;
import org.leadrelay.referral.LeadFigures.CurrencyPipeline;
import org.leadrelay.referral.LeadFigures.DeclinedKeyword;
import org.leadrelay.referral.LeadFigures.ExpiredLead;
import org.leadrelay.referral.LeadFigures.Outcomes;
import org.leadrelay.referral.LeadFigures.Responder;
import org.leadrelay.referral.LeadFigures.WeeklyCount;
import org.leadrelay.referral.LeadFigures.WeeklyMedian;
import org.leadrelay.shared.OrganizationId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The grouped queries behind {@link LeadFigures}, over the referrals of a scope and
 * period, each led by the tenant key and the creation time that the indexes are ordered
 * by.
 */
@Repository
class ReferralAnalyticsRepository {

	/** The week (starting Monday, UTC) a lead arrived in. */
	private static final String WEEK = "date_trunc('week', r.created_at at time zone 'UTC')::date";

	private final JdbcClient jdbc;

	ReferralAnalyticsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One pass over the period: counts per week and type, each week's median response
	 * time (the rows of a week over all types), and the outcomes and median of the whole
	 * period (the grand total row, there even when no lead arrived).
	 */
	Summary summary(ReferralScope scope, FigureCriteria criteria) {
		Where where = Where.of(scope, criteria);
		Summary summary = new Summary();
		this.jdbc
			.sql("select " + WEEK + " as week, r.qualification, grouping(" + WEEK + ") as all_weeks, "
					+ "grouping(r.qualification) as all_types, count(*) as received, "
					+ "count(*) filter (where r.accepted_at is not null) as accepted, "
					+ "count(*) filter (where r.substatus = 'Won') as won, "
					+ "count(*) filter (where r.substatus = 'Lost') as lost, "
					+ "count(*) filter (where r.substatus = 'Declined') as declined, "
					+ "count(*) filter (where r.substatus = 'Expired') as expired, "
					+ "count(*) filter (where r.substatus = 'Received') as open, " + ResponseTimes.MEDIAN_SECONDS
					+ " as median from referral r where " + where.sql + " group by grouping sets ((" + WEEK
					+ ", r.qualification), (" + WEEK + "), ()) order by 1, 2")
			.params(where.params)
			.query(rs -> {
				if (rs.getInt("all_weeks") == 1) {
					summary.outcomes = new Outcomes(rs.getLong("received"), rs.getLong("accepted"), rs.getLong("won"),
							rs.getLong("lost"), rs.getLong("declined"), rs.getLong("expired"), rs.getLong("open"));
					summary.median = seconds(rs, "median");
					return;
				}
				LocalDate week = rs.getObject("week", LocalDate.class);
				if (rs.getInt("all_types") == 0) {
					summary.perWeek.add(new WeeklyCount(week, Qualification.valueOf(rs.getString("qualification")),
							rs.getLong("received")));
				}
				else {
					Duration median = seconds(rs, "median");
					if (median != null) {
						summary.trend.add(new WeeklyMedian(week, median));
					}
				}
			});
		return summary;
	}

	/**
	 * The median response time over the whole program the organization belongs to (a
	 * partner's vendor's, or the vendor's own), in the same period and for the same lead
	 * type.
	 * @param vendor whether the organization is the vendor itself
	 */
	@Nullable Duration programMedian(OrganizationId organization, boolean vendor, FigureCriteria criteria) {
		List<Object> params = new ArrayList<>();
		String program = vendor ? "?" : "(select o.vendor_id from partner_organization_v o where o.id = ?)";
		params.add(organization.value());
		params.add(SqlValues.timestamp(criteria.from()));
		params.add(SqlValues.timestamp(criteria.to()));
		String sql = "select " + ResponseTimes.MEDIAN_SECONDS + " as median from referral r where "
				+ "r.vendor_organization_id = " + program + " and r.origin = 'Lead' and r.created_at >= ? "
				+ "and r.created_at < ?";
		if (criteria.qualification() != null) {
			sql += " and r.qualification = ?";
			params.add(criteria.qualification().name());
		}
		return this.jdbc.sql(sql).params(params).query((rs, row) -> seconds(rs, "median")).optional().orElse(null);
	}

	/** The deal value of the accepted and of the won leads, per currency. */
	List<CurrencyPipeline> pipeline(ReferralScope scope, FigureCriteria criteria) {
		Where where = Where.of(scope, criteria);
		return this.jdbc
			.sql("""
					select r.currency,
					       coalesce(sum(r.deal_value) filter (where r.substatus = 'Accepted'), 0)::numeric(19, 2) as open,
					       coalesce(sum(r.deal_value) filter (where r.substatus = 'Won'), 0)::numeric(19, 2) as won
					from referral r where r.substatus in ('Accepted', 'Won') and r.currency is not null"""
					+ " and " + where.sql + " group by r.currency order by r.currency")
			.params(where.params)
			.query((rs, row) -> new CurrencyPipeline(Money.currency(rs.getString("currency")), rs.getBigDecimal("open"),
					rs.getBigDecimal("won")))
			.list();
	}

	/**
	 * The count and value of the open deals (accepted, not yet won or lost) per currency
	 * and stage, over the scope's deals only: the partial indexes of {@code V137} hold
	 * exactly these rows, so no lead is read.
	 */
	List<StageDeals> openDeals(ReferralScope scope, @Nullable LocationId location) {
		List<Object> params = new ArrayList<>(scope.params());
		String sql = "select r.currency, r.deal_stage, count(*) as deals, sum(r.deal_value)::numeric(19, 2) as value "
				+ "from referral r where " + scope.predicate()
				+ " and r.origin <> 'Lead' and r.substatus = 'Accepted' and r.currency is not null";
		if (location != null) {
			sql += " and r.location_id = ?";
			params.add(location.value());
		}
		return this.jdbc.sql(sql + " group by r.currency, r.deal_stage")
			.params(params)
			.query((rs, row) -> new StageDeals(Money.currency(rs.getString("currency")),
					DealStage.valueOf(rs.getString("deal_stage")), rs.getLong("deals"), rs.getBigDecimal("value")))
			.list();
	}

	/** The {@code limit} leads that expired last. */
	List<ExpiredLead> latestExpired(ReferralScope scope, FigureCriteria criteria, int limit) {
		Where where = Where.of(scope, criteria);
		List<Object> params = new ArrayList<>(where.params);
		params.add(limit);
		return this.jdbc
			.sql("select r.id, r.name, r.customer_name, r.closed_at from referral r where r.substatus = 'Expired' and "
					+ where.sql + " order by r.closed_at desc, r.id limit ?")
			.params(params)
			.query((rs, row) -> new ExpiredLead(new ReferralId(rs.getObject("id", UUID.class)), rs.getString("name"),
					rs.getString("customer_name"), SqlValues.instant(rs, "closed_at")))
			.list();
	}

	/**
	 * Up to {@code limit} requirement tags of which at least {@code minDeclined} leads,
	 * and at least half of their leads, were declined; most declined first.
	 */
	List<DeclinedKeyword> declinedKeywords(ReferralScope scope, FigureCriteria criteria, int minDeclined, int limit) {
		Where where = Where.of(scope, criteria);
		List<Object> params = new ArrayList<>(where.params);
		params.add(minDeclined);
		params.add(limit);
		return this.jdbc.sql("""
				select k.keyword, count(*) filter (where r.substatus = 'Declined') as declined, count(*) as received
				from referral r cross join lateral (
				    select distinct t.keyword from jsonb_array_elements_text(
				        coalesce(r.requirements -> 'industries', '[]'::jsonb)
				        || coalesce(r.requirements -> 'products', '[]'::jsonb)
				        || coalesce(r.requirements -> 'services', '[]'::jsonb)
				        || coalesce(r.requirements -> 'solutions', '[]'::jsonb)) as t(keyword)) k
				""" + " where " + where.sql + """
				\sgroup by k.keyword
				having count(*) filter (where r.substatus = 'Declined') >= ?
				   and 2 * count(*) filter (where r.substatus = 'Declined') >= count(*)
				order by declined desc, k.keyword limit ?""")
			.params(params)
			.query((rs, row) -> new DeclinedKeyword(rs.getString("keyword"), rs.getLong("declined"),
					rs.getLong("received")))
			.list();
	}

	/**
	 * Up to {@code limit} partners that answered leads, by their median response time,
	 * slowest first.
	 */
	List<Responder> slowestResponders(ReferralScope scope, FigureCriteria criteria, int limit) {
		Where where = Where.of(scope, criteria);
		List<Object> params = new ArrayList<>(where.params);
		params.add(limit);
		return this.jdbc
			.sql("select r.organization_id, o.name, " + ResponseTimes.MEDIAN_SECONDS + " as median, "
					+ "count(*) filter (where " + ResponseTimes.ANSWERED + ") as answered, "
					+ "count(*) filter (where r.substatus = 'Expired') as expired "
					+ "from referral r join partner_organization_v o on o.id = r.organization_id where " + where.sql
					+ " group by r.organization_id, o.name having count(*) filter (where " + ResponseTimes.ANSWERED
					+ ") > 0 order by median desc, o.name, r.organization_id limit ?")
			.params(params)
			.query((rs, row) -> new Responder(new OrganizationId(rs.getObject("organization_id", UUID.class)),
					rs.getString("name"), Duration.ofMillis(Math.round(rs.getDouble("median") * 1000)),
					rs.getLong("answered"), rs.getLong("expired")))
			.list();
	}

	private static @Nullable Duration seconds(ResultSet rs, String column) throws SQLException {
		BigDecimal seconds = rs.getBigDecimal(column);
		return seconds == null ? null : Duration.ofMillis(seconds.movePointRight(3).longValue());
	}

	/**
	 * The period at a glance: leads per week and type, each week's median response time
	 * (weeks without an answer left out), and the outcomes and median of the whole
	 * period.
	 */
	static final class Summary {

		final List<WeeklyCount> perWeek = new ArrayList<>();

		final List<WeeklyMedian> trend = new ArrayList<>();

		Outcomes outcomes = new Outcomes(0, 0, 0, 0, 0, 0, 0);

		@Nullable Duration median;

	}

	/** The scope narrowed to the criteria, on {@code referral r}. */
	private record Where(String sql, List<Object> params) {

		static Where of(ReferralScope scope, FigureCriteria criteria) {
			StringBuilder sql = new StringBuilder(scope.predicate())
				.append(" and r.origin = 'Lead' and r.created_at >= ? and r.created_at < ?");
			List<Object> params = new ArrayList<>(scope.params());
			params.add(SqlValues.timestamp(criteria.from()));
			params.add(SqlValues.timestamp(criteria.to()));
			if (criteria.qualification() != null) {
				sql.append(" and r.qualification = ?");
				params.add(criteria.qualification().name());
			}
			if (criteria.location() != null) {
				sql.append(" and r.location_id = ?");
				params.add(criteria.location().value());
			}
			return new Where(sql.toString(), List.copyOf(params));
		}

	}

}
