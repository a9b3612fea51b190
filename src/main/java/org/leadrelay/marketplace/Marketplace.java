package org.leadrelay.marketplace;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.leadrelay.marketplace.MarketplaceRepository.Candidate;
import org.leadrelay.marketplace.MarketplaceRepository.Match;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.Requirements;
import org.leadrelay.shared.OrganizationId;

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

	private final MarketplaceRepository listings;

	Marketplace(MarketplaceRepository listings) {
		this.listings = listings;
	}

	public SearchResults search(MarketplaceQuery query) {
		this.listings.forceCustomPlans();
		Keywords keywords = query.words();
		List<String> filters = query.filterTokens();
		String tsquery = null;
		String exactQuery = null;
		if (!keywords.isEmpty()) {
			Vocabulary vocabulary = vocabulary(keywords);
			tsquery = keywords.query(vocabulary);
			if (!vocabulary.corrections().isEmpty()) {
				exactQuery = keywords.exactQuery(vocabulary);
			}
		}
		List<Match> matches = this.listings.search(tsquery, exactQuery, filters, SearchResults.COUNT_LIMIT,
				MarketplaceQuery.PAGE_SIZE, (query.page() - 1) * MarketplaceQuery.PAGE_SIZE);
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
		return alternativesFor(List.of(referral), max).get(referral.id());
	}

	/**
	 * The alternatives for each inquiry of a batch (an expiry sweep's), as
	 * {@link #alternativesFor(Referral, int)}. Inquiries to one vendor's partners about
	 * the same tags from the same country share their queries: those look past the
	 * inquiry's own partner (one candidate more) and leave it out afterwards.
	 */
	public Map<ReferralId, List<PartnerSuggestion>> alternativesFor(List<Referral> referrals, int max) {
		Map<Wanted, Map<Step, List<Candidate>>> found = new HashMap<>();
		Map<ReferralId, List<PartnerSuggestion>> alternatives = new HashMap<>();
		for (Referral referral : referrals) {
			Wanted wanted = Wanted.by(referral);
			Map<Step, List<Candidate>> steps = found.computeIfAbsent(wanted, key -> new EnumMap<>(Step.class));
			Map<OrganizationId, ListingCard> chosen = new LinkedHashMap<>();
			for (Step step : Step.values()) {
				if (chosen.size() >= max || (step.withTags && wanted.tags().isEmpty())) {
					continue;
				}
				for (Candidate candidate : steps.computeIfAbsent(step, key -> candidates(wanted, key, max * 3 + 1))) {
					if (chosen.size() < max && !candidate.organizationId().equals(referral.organizationId())) {
						chosen.putIfAbsent(candidate.organizationId(), candidate.card());
					}
				}
			}
			alternatives.put(referral.id(),
					chosen.values().stream().map(card -> suggestion(card, wanted.country())).toList());
		}
		return alternatives;
	}

	private List<Candidate> candidates(Wanted wanted, Step step, int limit) {
		this.listings.forceCustomPlans();
		String[] tags = wanted.tags().toArray(String[]::new);
		return this.listings.findCandidates(wanted.vendor(), tags,
				step.inCountry ? FilterTokens.country(wanted.country()) : null, step.withTags, CANDIDATES, limit);
	}

	/**
	 * What the index's vocabulary knows of the words: which are whole words of it, and
	 * for each word that is neither a known word nor the start of one, the most similar
	 * words.
	 */
	private Vocabulary vocabulary(Keywords keywords) {
		List<String> words = keywords.correctable();
		if (words.isEmpty()) {
			return Vocabulary.NONE;
		}
		return this.listings.vocabulary(words);
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

	/**
	 * What an inquiry's alternatives depend on: its vendor, its tags, its customer's
	 * country.
	 */
	private record Wanted(OrganizationId vendor, List<String> tags, String country) {

		static Wanted by(Referral referral) {
			Requirements requirements = referral.requirements();
			return new Wanted(
					referral.vendorOrganizationId(), FilterTokens.tags(requirements.industries(),
							requirements.products(), requirements.services(), requirements.solutions()),
					referral.customer().address().country());
		}

	}

}
