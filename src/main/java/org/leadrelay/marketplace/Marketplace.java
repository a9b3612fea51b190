package org.leadrelay.marketplace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.leadrelay.referral.Referral;
import org.leadrelay.referral.Requirements;
import org.leadrelay.shared.OrganizationId;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searches the marketplace's index. Keywords are matched with PostgreSQL full-text search
 * (every word, as a prefix, English stemming, accents folded) over tags and names, never
 * the free description; a word that matches nothing known is also tried as the most
 * similar words of the index (trigram similarity), so small typos still find. Results are
 * ranked by
 *
 * <pre>
 * ts_rank(tags weighted 1.0, names 0.4; normalized by document length)
 *     x (1 if every word matched as typed, 0.8 if only through a correction)
 *     x (0.75 + 0.5 x responsiveness)
 * </pre>
 *
 * where responsiveness is the partner's score from 0 to 1 (0.5 for no history), so it
 * moves a result by at most a quarter either way. Without keywords the most responsive
 * partners come first. A search that matches more than {@value SearchResults#COUNT_LIMIT}
 * profiles ranks its {@value SearchResults#COUNT_LIMIT} most responsive matches: the
 * customer never pages that far, and a common word (half of all profiles have "ERP") then
 * costs reading a few hundred rows instead of ranking tens of thousands.
 */
@Service
@Transactional(readOnly = true)
public class Marketplace {

	static final int TOP_TAGS = 6;

	/** Alternatives are chosen among this many candidates per step, to bound the work. */
	private static final int CANDIDATES = 500;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Marketplace(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public SearchResults search(MarketplaceQuery query) {
		Keywords keywords = query.words();
		List<String> filters = query.filterTokens();
		StringBuilder where = new StringBuilder("l.listed");
		List<Object> params = new ArrayList<>();
		String score = "c.responsiveness";
		List<Object> scoreParams = new ArrayList<>();
		if (!keywords.isEmpty()) {
			Map<String, List<String>> corrections = corrections(keywords);
			String tsquery = keywords.query(corrections);
			where.append(" and l.document @@ to_tsquery('english', ?)");
			params.add(tsquery);
			score = "ts_rank(c.document, to_tsquery('english', ?), 1) * (0.75 + 0.5 * c.responsiveness)";
			scoreParams.add(tsquery);
			if (!corrections.isEmpty()) {
				score += " * (case when c.document @@ to_tsquery('english', ?) then 1.0 else 0.8 end)";
				scoreParams.add(keywords.exactQuery());
			}
		}
		if (!filters.isEmpty()) {
			where.append(" and l.filters @> ?::text[]");
			params.add(filters.toArray(String[]::new));
		}
		params.add(SearchResults.COUNT_LIMIT + 1);
		params.addAll(scoreParams);
		params.add(MarketplaceQuery.PAGE_SIZE + 1);
		params.add((query.page() - 1) * MarketplaceQuery.PAGE_SIZE);
		// The most responsive matches are the candidates (the browse index finds them
		// without
		// reading every match of a common word), ranked by the full score and counted.
		List<Match> matches = this.jdbc.sql("""
				select c.card, count(*) over () as total from (
				    select l.profile_id, l.document, l.responsiveness, l.name, l.card from marketplace_listing l
				    where %s order by l.responsiveness desc, l.name, l.profile_id limit ?) c
				order by %s desc, c.name, c.profile_id limit ? offset ?""".formatted(where, score))
			.params(params)
			.query((rs, row) -> new Match(card(rs), rs.getLong("total")))
			.list();
		boolean hasNext = matches.size() > MarketplaceQuery.PAGE_SIZE;
		List<String> wanted = query.wantedTags();
		List<SearchResults.Result> results = matches.stream()
			.limit(MarketplaceQuery.PAGE_SIZE)
			.map(match -> new SearchResults.Result(match.card(), topTags(match.card(), wanted)))
			.toList();
		return new SearchResults(results, matches.isEmpty() ? 0 : matches.get(0).total(), query.page(), hasNext);
	}

	/**
	 * Up to {@code max} other partners for the customer of an inquiry: those of the same
	 * vendor matching the inquiry's tags with a location in the customer's country first,
	 * then in that country, then matching elsewhere, then any; among equals the more tags
	 * in common and the more responsive first. One location per partner, in the
	 * customer's country where it has one.
	 */
	public List<PartnerSuggestion> alternativesFor(Referral referral, int max) {
		Requirements requirements = referral.requirements();
		String[] tags = FilterTokens
			.tags(requirements.industries(), requirements.products(), requirements.services(), requirements.solutions())
			.toArray(String[]::new);
		String country = referral.customer().address().country();
		Map<OrganizationId, ListingCard> chosen = new LinkedHashMap<>();
		for (Step step : Step.values()) {
			if (chosen.size() >= max || (step.withTags && tags.length == 0)) {
				continue;
			}
			for (Candidate candidate : candidates(referral, tags, step, max * 3)) {
				if (chosen.size() < max) {
					chosen.putIfAbsent(candidate.organizationId(), candidate.card());
				}
			}
		}
		return chosen.values().stream().map(card -> suggestion(card, country)).toList();
	}

	private List<Candidate> candidates(Referral referral, String[] tags, Step step, int limit) {
		StringBuilder where = new StringBuilder("l.listed and l.vendor_organization_id = ? and l.organization_id <> ?");
		List<Object> params = new ArrayList<>();
		params.add(tags);
		params.add(referral.vendorOrganizationId().value());
		params.add(referral.organizationId().value());
		if (step.inCountry) {
			where.append(" and l.filters @> ?::text[]");
			params.add(new String[] { FilterTokens.country(referral.customer().address().country()) });
		}
		if (step.withTags) {
			where.append(" and l.filters && ?::text[]");
			params.add(tags);
		}
		params.add(CANDIDATES);
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
	 * For each word not known as it is (nor as the start of a known word), the most
	 * similar words of the index.
	 */
	private Map<String, List<String>> corrections(Keywords keywords) {
		List<String> words = keywords.correctable();
		if (words.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("""
				select w.word, t.term from unnest(?::text[]) w(word)
				cross join lateral (
				    select term from marketplace_term
				    where term % w.word
				      and not exists (select 1 from marketplace_term known where known.term like w.word || '%')
				    order by similarity(term, w.word) desc, term limit 3) t""")
			.param(words.toArray(String[]::new))
			.query((rs, row) -> Map.entry(rs.getString("word"), rs.getString("term")))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
	}

	private ListingCard card(ResultSet rs) throws SQLException {
		return this.json.readValue(rs.getString("card"), ListingCard.class);
	}

	/** A few of the profile's tags, those searched for first. */
	private static List<String> topTags(ListingCard card, List<String> wanted) {
		return Stream
			.concat(card.tags().stream().filter(tag -> wanted.stream().anyMatch(tag::equalsIgnoreCase)),
					card.tags().stream())
			.distinct()
			.limit(TOP_TAGS)
			.toList();
	}

	/** The partner's location in the customer's country, if it has one. */
	private static PartnerSuggestion suggestion(ListingCard card, String country) {
		ListingCard.Place place = card.locations()
			.stream()
			.min(Comparator.comparing((ListingCard.Place candidate) -> !candidate.country().equals(country)))
			.orElseThrow();
		return new PartnerSuggestion(card.profileId(), place.id(), card.name(), place.city(), place.country());
	}

	private record Candidate(OrganizationId organizationId, ListingCard card) {
	}

	private record Match(ListingCard card, long total) {
	}

	/** Where alternatives are looked for, in order. */
	private enum Step {

		IN_COUNTRY_MATCHING(true, true), IN_COUNTRY(true, false), MATCHING(false, true), ANY(false, false);

		private final boolean inCountry;

		private final boolean withTags;

		Step(boolean inCountry, boolean withTags) {
			this.inCountry = inCountry;
			this.withTags = withTags;
		}

	}

}
