package org.leadrelay.referral;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.platform.SqlValues;
import org.leadrelay.shared.OrganizationId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How partners answered the leads sharing a tag with a new one: counted from the
 * referrals, or read from the roll-up {@code referral_similar_leads} (V141) with the
 * corrections that keep it exact, in one statement (one snapshot).
 */
@Repository
class SimilarLeadsRepository {

	/** Serializes folds across nodes (an arbitrary, fixed key). */
	private static final long FOLD_LOCK = 0x4c52_534c_4541_4453L;

	/**
	 * A referral's catalogue tags (industries, products and services) as one JSON array;
	 * the expression {@code referral_requirement_tags_idx} indexes.
	 */
	private static final String TAGS = "(coalesce(r.requirements -> 'industries', '[]'::jsonb) "
			+ "|| coalesce(r.requirements -> 'products', '[]'::jsonb) "
			+ "|| coalesce(r.requirements -> 'services', '[]'::jsonb))";

	/**
	 * The same tags as a sorted set, the roll-up's key: {@code &&} on it is ?| on those
	 * (V160).
	 */
	private static final String TAG_SET = "referral_tag_set(r.requirements)";

	private static final String COUNTS = "count(*) as leads, count(*) filter (where r.accepted_at is not null) "
			+ "as accepted, count(*) filter (where r.substatus = 'Declined') as declined, "
			+ "count(*) filter (where r.substatus = 'Won') as won";

	// ??| is the jsonb "contains any of these strings" operator, its ? escaped for JDBC
	private static final String SIMILAR = "r.vendor_organization_id = :vendor and r.origin = 'Lead' and " + TAGS
			+ " ??| :tags";

	private final JdbcClient jdbc;

	SimilarLeadsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * For each of the {@code partners} of the vendor's program with leads created since
	 * {@code since} sharing at least one of the (non-empty) {@code tags}: how many it
	 * accepted, declined and won. From the roll-up when it starts no later than
	 * {@code since}: its rows and the changes not yet folded in, less the leads created
	 * between its start and {@code since} (looked up per partner only when it starts
	 * earlier); all counted from the referrals while there is no roll-up that early.
	 */
	List<SimilarLeads> find(OrganizationId vendor, Collection<String> tags, Instant since,
			Collection<OrganizationId> partners) {
		return this.jdbc
			.sql("""
					with start as (select since from referral_similar_leads_start where since <= :since),
					     counted as (
					       select s.organization_id, s.leads, s.accepted, s.declined, s.won
					       from referral_similar_leads s
					       where exists (select from start) and s.organization_id = any(cast(:partners as uuid[]))
					         and s.vendor_organization_id = :vendor and s.tags && cast(:tags as text[])
					       union all
					       select c.organization_id, c.leads, c.accepted, c.declined, c.won
					       from referral_similar_leads_change c
					       where c.organization_id = any(cast(:partners as uuid[])) and c.vendor_organization_id = :vendor
					         and c.tags && cast(:tags as text[]) and c.created_at >= (select since from start)
					       union all
					       select r.organization_id, -count(*), -count(*) filter (where r.accepted_at is not null),
					              -count(*) filter (where r.substatus = 'Declined'), -count(*) filter (where r.substatus = 'Won')
					       from referral r
					       where %1$s and r.organization_id = any(cast(:partners as uuid[]))
					         and (select since from start) < :since
					         and r.created_at >= (select since from start) and r.created_at < :since
					       group by r.organization_id
					       union all
					       select r.organization_id, %2$s from referral r
					       where %1$s and r.organization_id = any(cast(:partners as uuid[])) and r.created_at >= :since
					         and not exists (select from start)
					       group by r.organization_id)
					select organization_id, sum(accepted) as accepted, sum(declined) as declined, sum(won) as won
					from counted group by organization_id having sum(leads) > 0"""
				.formatted(SIMILAR, COUNTS))
			.param("vendor", vendor.value())
			.param("tags", tags.toArray(String[]::new))
			.param("since", SqlValues.timestamp(since))
			.param("partners", SqlValues.uuidArray(partners.stream().map(OrganizationId::value).toList()))
			.query((rs, row) -> new SimilarLeads(new OrganizationId(rs.getObject("organization_id", UUID.class)),
					rs.getInt("accepted"), rs.getInt("declined"), rs.getInt("won")))
			.list();
	}

	/** Where the roll-up starts; null before it is first built. */
	@Nullable Instant start() {
		return this.jdbc.sql("select since from referral_similar_leads_start")
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElse(null);
	}

	/**
	 * Rebuilds the roll-up whole from the leads created since {@code since}, under the
	 * fold's lock. The transaction must be REPEATABLE READ: the changes it drops and the
	 * referrals it counts are then those of one snapshot.
	 * @return how many rows it has
	 */
	int rebuild(Instant since) {
		lock();
		this.jdbc.sql("delete from referral_similar_leads_change").update();
		this.jdbc.sql("delete from referral_similar_leads").update();
		this.jdbc.sql("""
				insert into referral_similar_leads_start (since) values (:since)
				on conflict (only_row) do update set since = excluded.since""")
			.param("since", SqlValues.timestamp(since))
			.update();
		return this.jdbc
			.sql("insert into referral_similar_leads select r.vendor_organization_id, r.organization_id, " + TAG_SET
					+ " as tags, " + COUNTS
					+ " from referral r where r.origin = 'Lead' and r.created_at >= :since group by 1, 2, 3")
			.param("since", SqlValues.timestamp(since))
			.update();
	}

	/**
	 * Moves the roll-up's start forward to {@code since}, under the fold's lock: folds in
	 * the changes committed so far, then takes away the leads created between its start
	 * and {@code since}, read through each vendor's leads by creation time (an hour's
	 * leads, where a rebuild groups the whole period's; the vendors found by skipping
	 * through the index by vendor, one look-up each), and drops the rows left empty. The
	 * transaction must be REPEATABLE READ: the changes it folds in and the referrals it
	 * counts are then those of one snapshot, and a change committed later for a lead
	 * created before {@code since} is dropped by the next fold.
	 * @return how many rows of the roll-up it took leads from
	 */
	int advance(Instant since) {
		fold();
		// the start as a value, not a subquery: the planner then reads each vendor's
		// leads of that hour through their index (9 ms on the bench's, 117 ms otherwise)
		Instant start = Objects.requireNonNull(start());
		int changed = this.jdbc
			.sql("""
					with recursive vendor(id) as (
					  (select vendor_organization_id from referral order by 1 limit 1)
					  union all
					  select (select r.vendor_organization_id from referral r where r.vendor_organization_id > v.id
					          order by 1 limit 1)
					  from vendor v where v.id is not null),
					gone as (
					  select r.vendor_organization_id, r.organization_id, %s as tags, %s
					  from vendor v join referral r on r.vendor_organization_id = v.id
					  where r.origin = 'Lead'
					    and r.created_at >= :start and r.created_at < :since
					  group by 1, 2, 3)
					update referral_similar_leads s set leads = s.leads - g.leads, accepted = s.accepted - g.accepted,
					    declined = s.declined - g.declined, won = s.won - g.won
					from gone g where s.organization_id = g.organization_id and s.tags = g.tags""".formatted(TAG_SET,
					COUNTS))
			.param("start", SqlValues.timestamp(start))
			.param("since", SqlValues.timestamp(since))
			.update();
		this.jdbc.sql("delete from referral_similar_leads where leads = 0").update();
		this.jdbc.sql("update referral_similar_leads_start set since = :since")
			.param("since", SqlValues.timestamp(since))
			.update();
		return changed;
	}

	/**
	 * Adds the changes committed so far into the roll-up, under the fold's lock, in one
	 * statement: the changes it takes are those its additions see.
	 * @return how many rows of the roll-up changed
	 */
	int fold() {
		lock();
		return this.jdbc.sql("""
				with taken as (delete from referral_similar_leads_change returning *)
				insert into referral_similar_leads as s
				select vendor_organization_id, organization_id, tags, sum(leads), sum(accepted), sum(declined), sum(won)
				from taken where created_at >= (select since from referral_similar_leads_start)
				group by 1, 2, 3
				on conflict (organization_id, tags) do update set leads = s.leads + excluded.leads,
				    accepted = s.accepted + excluded.accepted, declined = s.declined + excluded.declined,
				    won = s.won + excluded.won""").update();
	}

	private void lock() {
		this.jdbc.sql("select pg_advisory_xact_lock(?)").param(FOLD_LOCK).query((rs, row) -> 1).list();
	}

}
