package org.leadrelay.marketplace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.BusinessProfile;
import org.leadrelay.platform.SqlValues;
import org.leadrelay.routing.ResponsivenessScore;
import org.leadrelay.shared.OrganizationId;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The marketplace's search index: one listing per business profile
 * ({@code marketplace_listing}) and the vocabulary of its words
 * ({@code marketplace_term}), for typo corrections.
 */
@Repository
class MarketplaceRepository {

	private static final String UPSERT = """
			insert into marketplace_listing (profile_id, organization_id, vendor_organization_id, version, listed,
			    name, document, filters, responsiveness, card, indexed_at)
			values (?, ?, ?, ?, ?, ?, setweight(to_tsvector('english', unaccent(?)), 'A')
			    || setweight(to_tsvector('english', unaccent(?)), 'B'), ?, ?, ?::jsonb, ?)
			on conflict (profile_id) do update set version = excluded.version, listed = excluded.listed,
			    name = excluded.name, document = excluded.document, filters = excluded.filters, card = excluded.card,
			    indexed_at = excluded.indexed_at
			where marketplace_listing.version < excluded.version""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final JsonMapper json;

	MarketplaceRepository(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
		this.jdbc = jdbc;
		this.template = template;
		this.json = json;
	}

	boolean isEmpty() {
		return this.jdbc.sql("select not exists (select 1 from marketplace_listing)").query(Boolean.class).single();
	}

	/**
	 * Indexes the profiles: their tags weigh more than their names, and an older version
	 * never overwrites a newer one.
	 */
	void upsert(List<BusinessProfile> profiles, Map<OrganizationId, Double> scores, Instant now) {
		List<Object[]> rows = new ArrayList<>();
		for (BusinessProfile profile : profiles) {
			String tags = String.join(" , ", profile.details().expertise().all().toList());
			String names = String.join(" , ", MarketplaceIndex.names(profile).toList());
			rows.add(new Object[] { profile.id().value(), profile.organizationId().value(), profile.vendorId().value(),
					profile.version(), profile.isListed(), profile.details().name(), tags, names,
					FilterTokens.of(profile).toArray(String[]::new),
					(float) scores.getOrDefault(profile.organizationId(), ResponsivenessScore.NEUTRAL).doubleValue(),
					this.json.writeValueAsString(ListingCard.of(profile)), SqlValues.timestamp(now) });
		}
		this.template.batchUpdate(UPSERT, rows);
	}

	/** Adds the words the vocabulary does not know yet. */
	void addTerms(Collection<String> words) {
		this.jdbc.sql("insert into marketplace_term (term) select distinct unnest(?::text[]) on conflict do nothing")
			.param(words.toArray(String[]::new))
			.update();
	}

	/**
	 * Sets each listing's responsiveness to its partner's score, neutral for partners
	 * without one; only rows whose score changed are written.
	 * @return how many listings changed
	 */
	int updateResponsiveness(List<ResponsivenessScore> scores) {
		String[] partners = SqlValues.uuidArray(scores.stream().map(score -> score.organizationId().value()).toList());
		int changed = this.template.update("""
				update marketplace_listing l set responsiveness = s.score
				from unnest(?::uuid[], ?::real[]) s(organization_id, score)
				where l.organization_id = s.organization_id and l.responsiveness <> s.score""", partners,
				scores.stream().map(score -> (float) score.score()).toArray(Float[]::new));
		changed += this.template.update(
				"update marketplace_listing set responsiveness = ? "
						+ "where responsiveness <> ? and organization_id <> all(?::uuid[])",
				(float) ResponsivenessScore.NEUTRAL, (float) ResponsivenessScore.NEUTRAL, partners);
		return changed;
	}

	/**
	 * A page of listed profiles, ranked: by full-text rank against {@code tsquery} times
	 * responsiveness (times 0.8 for those that do not match {@code exactQuery}, the query
	 * without corrections), or by responsiveness alone without a query. Each match
	 * carries how many there are, up to {@code countLimit + 1}; one more than
	 * {@code pageSize} are read, to tell whether a next page exists.
	 */
	List<Match> search(@Nullable String tsquery, @Nullable String exactQuery, List<String> filters, int countLimit,
			int pageSize, int offset) {
		StringBuilder where = new StringBuilder("l.listed");
		List<Object> params = new ArrayList<>();
		String score = "c.responsiveness";
		List<Object> scoreParams = new ArrayList<>();
		if (tsquery != null) {
			where.append(" and l.document @@ to_tsquery('english', ?)");
			params.add(tsquery);
			score = "ts_rank(c.document, to_tsquery('english', ?), 1) * (0.75 + 0.5 * c.responsiveness)";
			scoreParams.add(tsquery);
			if (exactQuery != null) {
				score += " * (case when c.document @@ to_tsquery('english', ?) then 1.0 else 0.8 end)";
				scoreParams.add(exactQuery);
			}
		}
		if (!filters.isEmpty()) {
			where.append(" and l.filters @> ?::text[]");
			params.add(filters.toArray(String[]::new));
		}
		params.addAll(0, scoreParams);
		params.add(countLimit + 1);
		params.add(pageSize + 1);
		params.add(offset);
		// The most responsive matches are the candidates (the browse index finds them
		// without reading every match of a common word), ranked by the full score and
		// counted; only the page's cards are read.
		return this.jdbc.sql("""
				select l.card, r.total from (
				    select c.profile_id, c.name, %s as score, count(*) over () as total from (
				        select l.profile_id, l.document, l.responsiveness, l.name from marketplace_listing l
				        where %s order by l.responsiveness desc, l.name, l.profile_id limit ?) c
				    order by score desc, c.name, c.profile_id limit ? offset ?) r
				join marketplace_listing l on l.profile_id = r.profile_id
				order by r.score desc, r.name, r.profile_id""".formatted(score, where))
			.params(params)
			.query((rs, row) -> new Match(card(rs), rs.getLong("total")))
			.list();
	}

	/**
	 * Up to {@code limit} listed partners of the vendor, chosen among {@code candidates}
	 * that have a location in {@code countryToken}'s country (when given) and share a tag
	 * (when {@code withTags}); the more tags in common and the more responsive first.
	 */
	List<Candidate> findCandidates(OrganizationId vendor, String[] tags, @Nullable String countryToken,
			boolean withTags, int candidates, int limit) {
		StringBuilder where = new StringBuilder("l.listed and l.vendor_organization_id = ?");
		List<Object> params = new ArrayList<>();
		params.add(tags);
		params.add(vendor.value());
		if (countryToken != null) {
			where.append(" and l.filters @> ?::text[]");
			params.add(new String[] { countryToken });
		}
		if (withTags) {
			where.append(" and l.filters && ?::text[]");
			params.add(tags);
		}
		params.add(candidates);
		params.add(limit);
		return this.jdbc.sql("""
				select organization_id, card from (
				    select l.profile_id, l.organization_id, l.responsiveness, l.name, l.card,
				           cardinality(array(select unnest(l.filters) intersect select unnest(?::text[]))) as overlap
				    from marketplace_listing l where %s limit ?) candidate
				order by overlap desc, responsiveness desc, name, profile_id limit ?""".formatted(where))
			.params(params)
			.query((rs, row) -> new Candidate(new OrganizationId(rs.getObject("organization_id", UUID.class)),
					card(rs)))
			.list();
	}

	/**
	 * What the index's vocabulary knows of the words: which are whole words of it, and
	 * for each word that is neither a known word nor the start of one, the most similar
	 * words.
	 */
	Vocabulary vocabulary(List<String> words) {
		Set<String> whole = new HashSet<>();
		Map<String, List<String>> corrections = new HashMap<>();
		this.jdbc.sql("""
				select w.word, exists (select 1 from marketplace_term t where t.term = w.word) as whole, c.term
				from unnest(?::text[]) w(word)
				left join lateral (
				    select term from marketplace_term
				    where term % w.word
				      and not exists (select 1 from marketplace_term known where known.term like w.word || '%')
				    order by similarity(term, w.word) desc, term limit 3) c on true""")
			.param(words.toArray(String[]::new))
			.query(rs -> {
				String word = rs.getString("word");
				if (rs.getBoolean("whole")) {
					whole.add(word);
				}
				String term = rs.getString("term");
				if (term != null) {
					corrections.computeIfAbsent(word, key -> new ArrayList<>()).add(term);
				}
			});
		return new Vocabulary(whole, corrections);
	}

	/**
	 * Plans the transaction's searches for their own values. The driver prepares a
	 * statement it runs often, and PostgreSQL may then settle on a generic plan, one for
	 * every value: for a word on half of all profiles it read all of them (400 ms instead
	 * of 5), where the plan for the value walks the most responsive profiles.
	 */
	void forceCustomPlans() {
		this.jdbc.sql("select set_config('plan_cache_mode', 'force_custom_plan', true)").query(String.class).single();
	}

	private ListingCard card(ResultSet rs) throws SQLException {
		return this.json.readValue(rs.getString("card"), ListingCard.class);
	}

	record Candidate(OrganizationId organizationId, ListingCard card) {
	}

	record Match(ListingCard card, long total) {
	}

}
