package org.leadrelay.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.LeadFigures.CurrencyPipeline;
import org.leadrelay.referral.LeadFigures.DeclinedKeyword;
import org.leadrelay.referral.LeadFigures.Outcomes;
import org.leadrelay.shared.OrganizationId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The program-wide roll-ups of {@code V140}: per vendor, day of creation (UTC) and lead
 * type. Folding recomputes the stale (vendor, day) cells whole from the referrals and
 * adds the differences of expiries ({@code V162}), new leads ({@code V163}) and answers
 * ({@code V164}); the reads sum the cells of a period.
 */
@Repository
class ReferralAnalyticsRollupRepository {

	/** Serializes folds across nodes and requests (an arbitrary, fixed key). */
	private static final long FOLD_LOCK = 0x4c52_4649_4755_5245L;

	static final String SECONDS = "extract(epoch from coalesce(r.accepted_at, r.closed_at) - r.created_at)";

	/** The expression {@code referral_vendor_response_idx} is ordered by. */
	static final String BUCKET = "floor(ln(1 + greatest(" + SECONDS + ", 0)) * 16)::integer";

	private static final String CELLS = "unnest(?::uuid[], ?::date[]) c(vendor_id, day)";

	/**
	 * The referrals of cell {@code c}, each cell one range of
	 * {@code referral_vendor_created_idx} ({@code offset 0} keeps the planner from
	 * flattening it into one hash join over every referral of the vendor).
	 */
	private static final String IN_CELL = " cross join lateral (select * from referral r where "
			+ "r.vendor_organization_id = c.vendor_id and r.origin = 'Lead' "
			+ "and r.created_at >= c.day::timestamp at time zone 'UTC' "
			+ "and r.created_at < (c.day + 1)::timestamp at time zone 'UTC' offset 0) r";

	private static final String DAY = "(r.created_at at time zone 'UTC')::date";

	private final JdbcClient jdbc;

	ReferralAnalyticsRollupRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Whether a change waits to be folded in: a stale day, a difference of an expiry, a
	 * new lead or an answer, a partner's mark.
	 */
	boolean anyStale() {
		return this.jdbc
			.sql("""
					select exists (select 1 from referral_figures_stale) or exists (select 1 from referral_day_figure_changes)
					       or exists (select 1 from referral_day_keyword_changes)
					       or exists (select 1 from referral_day_response_time_changes)
					       or exists (select 1 from referral_responder_stale)
					       or exists (select 1 from referral_responder_expired_stale)""")
			.query(Boolean.class)
			.single();
	}

	/** Waits for the fold another transaction holds, and holds it until commit. */
	void lock() {
		this.jdbc.sql("select pg_advisory_xact_lock(?)").param(FOLD_LOCK).query((rs, row) -> 1).list();
	}

	/**
	 * Recomputes up to {@code limit} stale cells, under a lock that one fold at a time
	 * holds, then adds every expiry's difference. Only the stale rows this transaction
	 * sees are deleted: a change committed meanwhile leaves its own row for the next
	 * fold.
	 * @return how many cells were recomputed, and the partners whose leads changed in
	 * them
	 */
	Folded fold(int limit) {
		lock();
		List<StaleMark> marks = this.jdbc.sql("""
				with chosen as (select distinct vendor_organization_id, day from referral_figures_stale limit ?),
				     deleted as (delete from referral_figures_stale s using chosen c
				                 where s.vendor_organization_id = c.vendor_organization_id and s.day = c.day
				                 returning s.vendor_organization_id, s.day, s.organization_id)
				select distinct vendor_organization_id, day, organization_id from deleted""")
			.param(limit)
			.query((rs, row) -> new StaleMark(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
					rs.getObject(3, UUID.class)))
			.list();
		List<Object[]> cells = marks.stream()
			.map(mark -> List.of(mark.vendor(), mark.day()))
			.distinct()
			.map(List::toArray)
			.toList();
		if (!cells.isEmpty()) {
			recount(cells);
		}
		addChanges();
		// stale marks written before V145 name no partner
		List<StaleMark> touched = new ArrayList<>(marks.stream().filter(mark -> mark.partner() != null).toList());
		// partners whose leads were answered: their figures, not their days (V164)
		touched.addAll(this.jdbc
			.sql("delete from referral_responder_stale returning vendor_organization_id, day, organization_id")
			.query((rs, row) -> new StaleMark(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
					rs.getObject(3, UUID.class)))
			.list());
		return new Folded(cells.size(), touched);
	}

	/** Replaces the roll-ups' rows of the cells with a recount from the referrals. */
	private void recount(List<Object[]> cells) {
		// as text, which PostgreSQL casts without the driver's or session's time zones
		String[] vendors = cells.stream().map(cell -> cell[0].toString()).toArray(String[]::new);
		String[] days = cells.stream().map(cell -> cell[1].toString()).toArray(String[]::new);
		for (String table : List.of("referral_day_figures", "referral_day_keywords", "referral_day_response_times")) {
			this.jdbc
				.sql("delete from " + table + " t using " + CELLS
						+ " where t.vendor_organization_id = c.vendor_id and t.day = c.day")
				.params(vendors, days)
				.update();
		}
		// the differences this recount's snapshot counts are dropped in the same
		// statement, so that one committed meanwhile is neither counted twice nor lost
		this.jdbc
			.sql("with dropped as (delete from referral_day_figure_changes t using " + CELLS
					+ " where t.vendor_organization_id = c.vendor_id and t.day = c.day) "
					+ """
							insert into referral_day_figures
							select c.vendor_id, c.day, r.qualification, coalesce(r.currency, ''), count(*),
							       count(*) filter (where r.accepted_at is not null),
							       count(*) filter (where r.substatus = 'Won'), count(*) filter (where r.substatus = 'Lost'),
							       count(*) filter (where r.substatus = 'Declined'), count(*) filter (where r.substatus = 'Expired'),
							       count(*) filter (where r.substatus = 'Received'),
							       count(*) filter (where r.substatus = 'Accepted'),
							       coalesce(sum(r.deal_value) filter (where r.substatus = 'Accepted'), 0),
							       coalesce(sum(r.deal_value) filter (where r.substatus = 'Won'), 0)
							"""
					+ " from " + CELLS + IN_CELL
					+ " group by c.vendor_id, c.day, r.qualification, coalesce(r.currency, '')")
			.params(vendors, days, vendors, days)
			.update();
		this.jdbc
			.sql("with dropped as (delete from referral_day_keyword_changes t using " + CELLS
					+ " where t.vendor_organization_id = c.vendor_id and t.day = c.day) " + """
							insert into referral_day_keywords
							select c.vendor_id, c.day, r.qualification, k.keyword, count(*),
							       count(*) filter (where r.substatus = 'Declined')
							""" + " from " + CELLS + IN_CELL + """
							 cross join lateral referral_keywords(r.requirements) k(keyword)
							group by c.vendor_id, c.day, r.qualification, k.keyword""")
			.params(vendors, days, vendors, days)
			.update();
		this.jdbc.sql("with dropped as (delete from referral_day_response_time_changes t using " + CELLS
				+ " where t.vendor_organization_id = c.vendor_id and t.day = c.day) "
				+ "insert into referral_day_response_times select c.vendor_id, c.day, r.qualification, " + BUCKET
				+ ", count(*), min(" + SECONDS + "::float8), max(" + SECONDS + "::float8) from " + CELLS + IN_CELL
				+ " where " + ResponseTimes.ANSWERED + " group by c.vendor_id, c.day, " + "r.qualification, " + BUCKET)
			.params(vendors, days, vendors, days)
			.update();
	}

	/**
	 * Adds the differences of expiries (V162), new leads (V163) and answers (V164) to
	 * their days' figures, keywords and response times, a statement for each.
	 */
	private void addChanges() {
		this.jdbc.sql("""
				with taken as (delete from referral_day_figure_changes returning *)
				insert into referral_day_figures
				select vendor_organization_id, day, qualification, currency, sum(received), sum(accepted), sum(won),
				       sum(lost), sum(declined), sum(expired), sum(open), sum(in_progress), sum(open_value),
				       sum(won_value)
				from taken group by vendor_organization_id, day, qualification, currency
				on conflict (vendor_organization_id, day, qualification, currency) do update
				set received = referral_day_figures.received + excluded.received,
				    accepted = referral_day_figures.accepted + excluded.accepted,
				    won = referral_day_figures.won + excluded.won, lost = referral_day_figures.lost + excluded.lost,
				    declined = referral_day_figures.declined + excluded.declined,
				    expired = referral_day_figures.expired + excluded.expired,
				    open = referral_day_figures.open + excluded.open,
				    in_progress = referral_day_figures.in_progress + excluded.in_progress,
				    open_value = referral_day_figures.open_value + excluded.open_value,
				    won_value = referral_day_figures.won_value + excluded.won_value""").update();
		this.jdbc.sql("""
				with taken as (delete from referral_day_keyword_changes returning *)
				insert into referral_day_keywords
				select vendor_organization_id, day, qualification, keyword, sum(received), sum(declined)
				from taken group by vendor_organization_id, day, qualification, keyword
				on conflict (vendor_organization_id, day, qualification, keyword) do update
				set received = referral_day_keywords.received + excluded.received,
				    declined = referral_day_keywords.declined + excluded.declined""").update();
		this.jdbc.sql("""
				with taken as (delete from referral_day_response_time_changes returning *)
				insert into referral_day_response_times
				select vendor_organization_id, day, qualification, bucket, sum(answered), min(fastest), max(slowest)
				from taken group by vendor_organization_id, day, qualification, bucket
				on conflict (vendor_organization_id, day, qualification, bucket) do update
				set answered = referral_day_response_times.answered + excluded.answered,
				    fastest = least(referral_day_response_times.fastest, excluded.fastest),
				    slowest = greatest(referral_day_response_times.slowest, excluded.slowest)""").update();
	}

	/**
	 * Leads received per week (Monday) and type, and the outcomes of the period (the
	 * grand total row).
	 */
	void counts(Period period, ReferralAnalyticsRepository.Summary summary) {
		this.jdbc
			.sql("select date_trunc('week', f.day)::date as week, f.qualification, "
					+ "grouping(date_trunc('week', f.day)::date) as all_weeks, sum(f.received) as received, "
					+ "sum(f.accepted) as accepted, sum(f.won) as won, sum(f.lost) as lost, "
					+ "sum(f.declined) as declined, sum(f.expired) as expired, sum(f.open) as open "
					+ "from referral_day_figures f where " + period.where("f")
					+ " group by grouping sets ((date_trunc('week', f.day)::date, f.qualification), ()) order by 1, 2")
			.params(period.params())
			.query(rs -> {
				if (rs.getInt("all_weeks") == 1) {
					summary.outcomes = new Outcomes(rs.getLong("received"), rs.getLong("accepted"), rs.getLong("won"),
							rs.getLong("lost"), rs.getLong("declined"), rs.getLong("expired"), rs.getLong("open"));
				}
				else {
					summary.perWeek.add(new LeadFigures.WeeklyCount(rs.getObject("week", LocalDate.class),
							Qualification.valueOf(rs.getString("qualification")), rs.getLong("received")));
				}
			});
	}

	List<CurrencyPipeline> pipeline(Period period) {
		return this.jdbc.sql(
				"select f.currency, sum(f.open_value)::numeric(19, 2) as open, sum(f.won_value)::numeric(19, 2) as won "
						+ "from referral_day_figures f where " + period.where("f")
						+ " and f.currency <> '' and f.in_progress + f.won > 0 group by f.currency order by f.currency")
			.params(period.params())
			.query((rs, row) -> new CurrencyPipeline(Money.currency(rs.getString("currency")), rs.getBigDecimal("open"),
					rs.getBigDecimal("won")))
			.list();
	}

	List<DeclinedKeyword> declinedKeywords(Period period, int minDeclined, int limit) {
		List<Object> params = new ArrayList<>(period.params());
		params.add(minDeclined);
		params.add(limit);
		return this.jdbc
			.sql("select k.keyword, sum(k.declined) as declined, sum(k.received) as received "
					+ "from referral_day_keywords k where " + period.where("k") + " group by k.keyword "
					+ "having sum(k.declined) >= ? and 2 * sum(k.declined) >= sum(k.received) "
					+ "order by declined desc, k.keyword limit ?")
			.params(params)
			.query((rs, row) -> new DeclinedKeyword(rs.getString("keyword"), rs.getLong("declined"),
					rs.getLong("received")))
			.list();
	}

	/**
	 * How many answers each bucket holds, with the fastest and slowest of them, per week
	 * (Monday) of the period and over the whole period (week null), bucket by bucket.
	 */
	List<BucketCount> buckets(Period period) {
		return this.jdbc
			.sql("select date_trunc('week', t.day)::date as week, t.bucket, sum(t.answered) as answered, "
					+ "min(t.fastest) as fastest, max(t.slowest) as slowest from referral_day_response_times t where "
					+ period.where("t") + " group by grouping sets ((date_trunc('week', t.day)::date, t.bucket), "
					+ "(t.bucket)) order by 1 nulls first, 2")
			.params(period.params())
			.query((rs, row) -> new BucketCount(rs.getObject("week", LocalDate.class), rs.getInt("bucket"),
					rs.getLong("answered"), rs.getDouble("fastest"), rs.getDouble("slowest")))
			.list();
	}

	/**
	 * The response time (seconds) at each position among the answers of one bucket
	 * received in a time range, smallest first: one index range scan per position.
	 */
	List<Double> valuesAt(OrganizationId vendor, @Nullable Qualification qualification, List<Position> positions) {
		if (positions.isEmpty()) {
			return List.of();
		}
		List<Object> params = new ArrayList<>();
		params.add(vendor.value());
		String type = "";
		if (qualification != null) {
			type = " and r.qualification = ?";
			params.add(qualification.name());
		}
		params.add(positions.stream().map(position -> Integer.toString(position.bucket())).toArray(String[]::new));
		params.add(positions.stream().map(position -> position.from().toString()).toArray(String[]::new));
		params.add(positions.stream().map(position -> position.to().toString()).toArray(String[]::new));
		params.add(positions.stream().map(position -> Long.toString(position.offset())).toArray(String[]::new));
		return this.jdbc
			.sql("select (select " + SECONDS + "::float8 from referral r where r.vendor_organization_id = ? and "
					+ "r.origin = 'Lead' and " + BUCKET
					+ " = p.bucket and r.created_at >= p.from_at and r.created_at < p.to_at and "
					+ ResponseTimes.ANSWERED + type + " order by 1 offset p.skip limit 1) as seconds "
					+ "from unnest(?::integer[], ?::timestamptz[], ?::timestamptz[], ?::bigint[]) "
					+ "with ordinality p(bucket, from_at, to_at, skip, i) order by p.i")
			.params(params)
			.query((rs, row) -> rs.getDouble("seconds"))
			.list();
	}

	/** The program a partner belongs to. */
	OrganizationId vendorOf(OrganizationId partner) {
		return new OrganizationId(this.jdbc.sql("select o.vendor_id from partner_organization_v o where o.id = ?")
			.param(partner.value())
			.query(UUID.class)
			.single());
	}

	/** The days [first, end) of a vendor's program, optionally of one lead type. */
	record Period(OrganizationId vendor, LocalDate first, LocalDate end, @Nullable Qualification qualification) {

		String where(String alias) {
			return alias + ".vendor_organization_id = ? and " + alias + ".day >= ? and " + alias + ".day < ?"
					+ (this.qualification == null ? "" : " and " + alias + ".qualification = ?");
		}

		List<Object> params() {
			List<Object> params = new ArrayList<>(
					List.of(this.vendor.value(), java.sql.Date.valueOf(this.first), java.sql.Date.valueOf(this.end)));
			if (this.qualification != null) {
				params.add(this.qualification.name());
			}
			return params;
		}

	}

	/**
	 * A change to a lead of {@code partner} created on {@code day}; partner null for
	 * marks written before {@code V145}.
	 */
	record StaleMark(UUID vendor, LocalDate day, @Nullable UUID partner) {
	}

	/** What a fold recomputed: cells, and the changes to the partners' leads in them. */
	record Folded(int cells, List<StaleMark> marks) {
	}

	/**
	 * @param week the Monday, or null for the whole period
	 */
	record BucketCount(@Nullable LocalDate week, int bucket, long answered, double fastest, double slowest) {
	}

	/**
	 * The answer at {@code offset} (0-based) in bucket {@code bucket} among [from, to).
	 */
	record Position(int bucket, Instant from, Instant to, long offset) {
	}

}
