package org.leadrelay.marketplace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.leadrelay.partner.BusinessProfile;
import org.leadrelay.partner.BusinessProfiles;
import org.leadrelay.partner.Location;
import org.leadrelay.partner.ProfileId;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.Requirements;
import org.leadrelay.shared.OrganizationId;

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
 * partners come first.
 */
@Service
@Transactional(readOnly = true)
public class Marketplace {

	static final int TOP_TAGS = 6;

	/** Alternatives are chosen among this many candidates per step, to bound the work. */
	private static final int CANDIDATES = 500;

	private final JdbcClient jdbc;

	private final BusinessProfiles profiles;

	Marketplace(JdbcClient jdbc, BusinessProfiles profiles) {
		this.jdbc = jdbc;
		this.profiles = profiles;
	}

	public SearchResults search(MarketplaceQuery query) {
		Keywords keywords = query.words();
		List<String> filters = query.filterTokens();
		StringBuilder where = new StringBuilder("l.listed");
		List<Object> whereParams = new ArrayList<>();
		String order = "l.responsiveness desc, l.name, l.profile_id";
		List<Object> orderParams = new ArrayList<>();
		if (!keywords.isEmpty()) {
			String tsquery = keywords.query(corrections(keywords));
			where.append(" and l.document @@ to_tsquery('english', ?)");
			whereParams.add(tsquery);
			order = "ts_rank(l.document, to_tsquery('english', ?), 1) "
					+ "* (case when l.document @@ to_tsquery('english', ?) then 1.0 else 0.8 end) "
					+ "* (0.75 + 0.5 * l.responsiveness) desc, l.name, l.profile_id";
			orderParams.add(tsquery);
			orderParams.add(keywords.exactQuery());
		}
		if (!filters.isEmpty()) {
			where.append(" and l.filters @> ?::text[]");
			whereParams.add(filters.toArray(String[]::new));
		}
		List<Object> params = new ArrayList<>(whereParams);
		params.addAll(orderParams);
		params.add(MarketplaceQuery.PAGE_SIZE + 1);
		params.add((query.page() - 1) * MarketplaceQuery.PAGE_SIZE);
		List<ProfileId> ids = this.jdbc
			.sql("select l.profile_id from marketplace_listing l where " + where + " order by " + order
					+ " limit ? offset ?")
			.params(params)
			.query((rs, row) -> new ProfileId(rs.getObject("profile_id", UUID.class)))
			.list();
		boolean hasNext = ids.size() > MarketplaceQuery.PAGE_SIZE;
		List<ProfileId> page = hasNext ? ids.subList(0, MarketplaceQuery.PAGE_SIZE) : ids;
		List<Object> countParams = new ArrayList<>(whereParams);
		countParams.add(SearchResults.COUNT_LIMIT + 1);
		long total = this.jdbc
			.sql("select count(*) from (select 1 from marketplace_listing l where " + where + " limit ?) matches")
			.params(countParams)
			.query(Long.class)
			.single();
		List<String> wanted = query.wantedTags();
		List<SearchResults.Result> results = this.profiles.findAll(page)
			.stream()
			.map(profile -> new SearchResults.Result(profile, topTags(profile, wanted)))
			.toList();
		return new SearchResults(results, total, query.page(), hasNext);
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
		Map<OrganizationId, ProfileId> chosen = new LinkedHashMap<>();
		for (Step step : Step.values()) {
			if (chosen.size() >= max || (step.withTags && tags.length == 0)) {
				continue;
			}
			for (Candidate candidate : candidates(referral, tags, step, max * 3)) {
				if (chosen.size() < max) {
					chosen.putIfAbsent(candidate.organizationId(), candidate.profileId());
				}
			}
		}
		return this.profiles.findAll(List.copyOf(chosen.values()))
			.stream()
			.filter(BusinessProfile::isListed)
			.map(profile -> suggestion(profile, country))
			.toList();
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
				select profile_id, organization_id from (
				    select l.profile_id, l.organization_id, l.responsiveness, l.name,
				           cardinality(array(select unnest(l.filters) intersect select unnest(?::text[]))) as overlap
				    from marketplace_listing l where %s limit ?) candidate
				order by overlap desc, responsiveness desc, name, profile_id limit ?""".formatted(where))
			.params(params)
			.query((rs, row) -> new Candidate(new ProfileId(rs.getObject("profile_id", UUID.class)),
					new OrganizationId(rs.getObject("organization_id", UUID.class))))
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

	/** A few of the profile's tags, those searched for first. */
	private static List<String> topTags(BusinessProfile profile, List<String> wanted) {
		return Stream
			.concat(profile.details().expertise().all().filter(tag -> wanted.stream().anyMatch(tag::equalsIgnoreCase)),
					profile.details().expertise().all())
			.distinct()
			.limit(TOP_TAGS)
			.toList();
	}

	private static PartnerSuggestion suggestion(BusinessProfile profile, String country) {
		Location location = profile.locations()
			.stream()
			.min(Comparator.comparing((Location candidate) -> !candidate.country().equals(country)))
			.orElseThrow();
		return new PartnerSuggestion(profile.id(), location.id(), profile.details().name(), location.city(),
				location.country());
	}

	private record Candidate(ProfileId profileId, OrganizationId organizationId) {
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
