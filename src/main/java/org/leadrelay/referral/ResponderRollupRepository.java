package org.leadrelay.referral;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.LeadFigures.Responder;
import org.leadrelay.referral.ReferralAnalyticsRollupRepository.Period;
import org.leadrelay.referral.ReferralAnalyticsRollupRepository.StaleMark;
import org.leadrelay.shared.OrganizationId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The slowest responders' roll-up of {@code V145}: per vendor and period ending today,
 * each partner's answered and expired leads and median response time, recounted from the
 * referrals with the very aggregates of
 * {@link ReferralAnalyticsRepository#slowestResponders}, partner by partner.
 */
@Repository
class ResponderRollupRepository {

	/**
	 * A partner's figures from {@code r}, per lead type and over all types ('').
	 */
	private static final String FIGURES = "case when grouping(r.qualification) = 1 then '' else r.qualification end, "
			+ "r.organization_id, count(*) filter (where " + ResponseTimes.ANSWERED + "), "
			+ "count(*) filter (where r.substatus = 'Expired'), " + ResponseTimes.MEDIAN_SECONDS;

	private final JdbcClient jdbc;

	ResponderRollupRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every period each vendor with leads should have: where it starts now (null if not
	 * built yet) and where it should start today.
	 */
	List<PeriodStart> periods(LocalDate today, List<Integer> lookbackMonths) {
		return this.jdbc.sql("""
				select v.vendor_organization_id, m.months, p.since
				from (select distinct vendor_organization_id from referral_day_figures) v
				cross join unnest(?::integer[]) m(months)
				left join referral_responder_periods p
				       on p.vendor_organization_id = v.vendor_organization_id and p.months = m.months""")
			.param(lookbackMonths.stream().map(String::valueOf).toArray(String[]::new))
			.query((rs, row) -> {
				int months = rs.getInt("months");
				return new PeriodStart(rs.getObject("vendor_organization_id", UUID.class), months,
						rs.getObject("since", LocalDate.class), today.minusMonths(months));
			})
			.list();
	}

	/**
	 * Moves a period to its start of today: recounts the partners with leads in the days
	 * it gains or loses, or every partner when it is built first.
	 */
	void move(PeriodStart period) {
		LocalDate since = period.current();
		String[] partners = null;
		if (since != null) {
			LocalDate from = since.isBefore(period.wanted()) ? since : period.wanted();
			LocalDate to = since.isBefore(period.wanted()) ? period.wanted() : since;
			partners = this.jdbc.sql("""
					select distinct r.organization_id::text from referral r
					where r.vendor_organization_id = ? and r.origin = 'Lead'
					  and r.created_at >= ?::date::timestamp at time zone 'UTC'
					  and r.created_at < ?::date::timestamp at time zone 'UTC'""")
				.params(period.vendor(), from.toString(), to.toString())
				.query(String.class)
				.list()
				.toArray(String[]::new);
		}
		recount(period.vendor(), period.months(), period.wanted(), partners);
		this.jdbc.sql("""
				insert into referral_responder_periods values (?, ?, ?::date)
				on conflict (vendor_organization_id, months) do update set since = excluded.since""")
			.params(period.vendor(), period.months(), period.wanted().toString())
			.update();
	}

	/**
	 * Recounts the partners that changes touched, in each period that holds the day of a
	 * lead they changed.
	 */
	void recount(List<StaleMark> marks) {
		if (marks.isEmpty()) {
			return;
		}
		List<Touched> touched = this.jdbc.sql("""
				select p.vendor_organization_id, p.months, p.since, array_agg(distinct m.organization_id::text)
				from unnest(?::uuid[], ?::uuid[], ?::date[]) m(vendor_id, organization_id, day)
				join referral_responder_periods p on p.vendor_organization_id = m.vendor_id and m.day >= p.since
				group by p.vendor_organization_id, p.months, p.since""")
			.params(marks.stream().map(mark -> mark.vendor().toString()).toArray(String[]::new),
					marks.stream().map(mark -> String.valueOf(mark.partner())).toArray(String[]::new),
					marks.stream().map(mark -> mark.day().toString()).toArray(String[]::new))
			.query((rs, row) -> new Touched(rs.getObject(1, UUID.class), rs.getInt(2), rs.getObject(3, LocalDate.class),
					(String[]) rs.getArray(4).getArray()))
			.list();
		for (Touched period : touched) {
			recount(period.vendor(), period.months(), period.since(), period.partners());
		}
	}

	/**
	 * Recounts the expired leads of the partners whose leads expired since the last fold,
	 * in every period: an expiry moves nothing else of their figures ({@code V161}). A
	 * partner without answers has no figures to correct. Each partner's expired leads are
	 * read once for all periods (materialized, and the lateral kept a nested loop by its
	 * offset, so that the planner neither reads them once per period nor scans every
	 * vendor's expired leads for a few partners), counted per lead type and summed from
	 * those counts; a count that did not change is not rewritten.
	 */
	void recountExpired() {
		this.jdbc.sql("""
				with marked as (
				    delete from referral_responder_expired_stale returning vendor_organization_id, organization_id),
				expired as materialized (
				    select m.vendor_organization_id, m.organization_id, r.qualification, r.created_at
				    from (select distinct vendor_organization_id, organization_id from marked) m
				    cross join lateral (
				        select r.qualification, r.created_at from referral r
				        where r.organization_id = m.organization_id
				          and r.vendor_organization_id = m.vendor_organization_id
				          and r.substatus = 'Expired' and r.origin = 'Lead'
				        offset 0) r),
				by_type as (
				    select p.vendor_organization_id, p.months, e.organization_id, e.qualification, count(*) as expired
				    from expired e
				    join referral_responder_periods p on p.vendor_organization_id = e.vendor_organization_id
				                                     and e.created_at >= p.since::timestamp at time zone 'UTC'
				    group by 1, 2, 3, 4),
				counted as (
				    select * from by_type
				    union all
				    select vendor_organization_id, months, organization_id, '', sum(expired)
				    from by_type group by 1, 2, 3)
				update referral_responder_figures f set expired = c.expired from counted c
				where f.vendor_organization_id = c.vendor_organization_id and f.months = c.months
				  and f.organization_id = c.organization_id and f.qualification = c.qualification
				  and f.expired <> c.expired""").update();
	}

	/**
	 * Replaces the figures of a period's partners (all of them when {@code partners} is
	 * null) with a recount of their leads from {@code since} on.
	 */
	private void recount(UUID vendor, int months, LocalDate since, String @Nullable [] partners) {
		List<Object> params = new ArrayList<>(List.of(vendor, months));
		if (partners != null) {
			params.add(partners);
		}
		this.jdbc
			.sql("delete from referral_responder_figures where vendor_organization_id = ? and months = ?"
					+ (partners == null ? "" : " and organization_id = any(?::uuid[])"))
			.params(params)
			.update();
		params = new ArrayList<>(List.of(vendor, months, vendor, since.toString()));
		if (partners != null) {
			params.add(partners);
		}
		this.jdbc
			.sql("insert into referral_responder_figures (vendor_organization_id, months, qualification, "
					+ "organization_id, answered, expired, median) select ?, ?, " + FIGURES
					+ " from referral r where r.vendor_organization_id = ? and r.origin = 'Lead' "
					+ "and r.created_at >= ?::date::timestamp at time zone 'UTC'"
					+ (partners == null ? "" : " and r.organization_id = any(?::uuid[])")
					+ " group by grouping sets ((r.organization_id, r.qualification), (r.organization_id)) "
					+ "having count(*) filter (where " + ResponseTimes.ANSWERED + ") > 0")
			.params(params)
			.update();
	}

	/**
	 * The slowest responders of a period the roll-up keeps, or empty when it keeps none
	 * that is this one: one that starts on another day, or a lead created on or after its
	 * end (a period is rolled up from its first day on).
	 */
	Optional<List<Responder>> slowest(Period period, int limit) {
		List<Object> params = new ArrayList<>(
				List.of(period.qualification() == null ? "" : period.qualification().name(), limit,
						period.vendor().value(), period.first().toString(), period.end().toString()));
		List<Responder> responders = new ArrayList<>();
		boolean[] kept = { false };
		this.jdbc.sql("""
				select s.* from referral_responder_periods p
				left join lateral (
				    select f.organization_id, o.name, f.median, f.answered, f.expired
				    from referral_responder_figures f join partner_organization_v o on o.id = f.organization_id
				    where f.vendor_organization_id = p.vendor_organization_id and f.months = p.months
				      and f.qualification = ?
				    order by f.median desc, o.name, f.organization_id limit ?) s on true
				where p.vendor_organization_id = ? and p.since = ?::date
				  and not exists (select 1 from referral r where r.vendor_organization_id = p.vendor_organization_id
				                  and r.created_at >= ?::date::timestamp at time zone 'UTC')
				order by s.median desc, s.name, s.organization_id""").params(params).query(rs -> {
			// one row of nulls: a period kept, without answers
			kept[0] = true;
			UUID partner = rs.getObject("organization_id", UUID.class);
			if (partner != null) {
				responders.add(new Responder(new OrganizationId(partner), rs.getString("name"),
						Duration.ofMillis(Math.round(rs.getDouble("median") * 1000)), rs.getLong("answered"),
						rs.getLong("expired")));
			}
		});
		return kept[0] ? Optional.of(responders) : Optional.empty();
	}

	/** The partners to recount in one period. */
	private record Touched(UUID vendor, int months, LocalDate since, String[] partners) {
	}

	/**
	 * @param current the first day the period has now, null if not built
	 * @param wanted the first day it has today
	 */
	record PeriodStart(UUID vendor, int months, @Nullable LocalDate current, LocalDate wanted) {

		boolean moved() {
			return !this.wanted.equals(this.current);
		}

	}

}
