package org.leadrelay.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.Expertise;
import org.leadrelay.partner.Region;
import org.leadrelay.referral.SimilarLeads;

/**
 * How well a candidate fits a lead (the README's "Recommendations" section):
 *
 * <pre>
 * tags           = lead tags the partner's profile lists / lead tags      (0 if the lead names none)
 * size           = 1 if a size the profile serves overlaps the customer's     (1 if no size given)
 *                  (CompanySize.overlaps), else 0
 * country        = 1 same country, 0.5 same region, 0 elsewhere           (1 if no country given)
 * responsiveness = the partner's responsiveness score                     (0.5 without history)
 * history        = (1 + clamp((accepted + won - 2 * declined) / (accepted + declined + 2), -1, 1)) / 2
 *                  over the partner's leads sharing a tag with this one    (0.5 without history)
 * score          = 0.40 tags + 0.10 size + 0.15 country + 0.15 responsiveness + 0.20 history
 * </pre>
 *
 * A decline weighs twice an acceptance, so a partner that keeps declining a kind of lead
 * falls behind one that accepts it; the "+ 2" keeps a single answer from swinging the
 * history far from neutral.
 */
final class RankingModel {

	private final RecommendationQuery query;

	/**
	 * The lead's tags, each once, with their keys: worked out once for all candidates.
	 */
	private final List<String> wanted;

	private final List<String> wantedKeys;

	private RankingModel(RecommendationQuery query) {
		this.query = query;
		this.wanted = query.tags();
		this.wantedKeys = this.wanted.stream().map(RankingModel::key).toList();
	}

	/** The model for one lead. */
	static RankingModel of(RecommendationQuery query) {
		return new RankingModel(query);
	}

	static Signals signals(RecommendationQuery query, Candidate candidate) {
		return of(query).signals(candidate);
	}

	Signals signals(Candidate candidate) {
		List<String> matched = matched(candidate.expertise());
		double tags = this.wanted.isEmpty() ? 0 : (double) matched.size() / this.wanted.size();
		double size = this.query.size() == null || this.query.size().overlapsAny(candidate.customerSizes()) ? 1 : 0;
		return new Signals(matched, tags, size, country(this.query.country(), candidate.place().country()),
				candidate.responsiveness().score(), history(candidate.history()));
	}

	/** The lead's tags the expertise lists, compared by their keys. */
	private List<String> matched(Expertise expertise) {
		if (this.wanted.isEmpty() || expertise.industries().isEmpty() && expertise.products().isEmpty()
				&& expertise.services().isEmpty()) {
			return List.of();
		}
		Set<String> offered = Stream.of(expertise.industries(), expertise.products(), expertise.services())
			.flatMap(List::stream)
			.map(RankingModel::key)
			.collect(Collectors.toSet());
		List<String> matched = new ArrayList<>();
		for (int i = 0; i < this.wanted.size(); i++) {
			if (offered.contains(this.wantedKeys.get(i))) {
				matched.add(this.wanted.get(i));
			}
		}
		return List.copyOf(matched);
	}

	static double country(@Nullable String wanted, String located) {
		if (wanted == null || wanted.equalsIgnoreCase(located)) {
			return 1;
		}
		Optional<Region> region = Region.of(wanted);
		return region.isPresent() && region.equals(Region.of(located)) ? 0.5 : 0;
	}

	static double history(SimilarLeads history) {
		double balance = (history.accepted() + history.won() - 2.0 * history.declined())
				/ (history.accepted() + history.declined() + 2);
		return (1 + Math.max(-1, Math.min(1, balance))) / 2;
	}

	static String key(String tag) {
		return tag.strip().toLowerCase(Locale.ROOT);
	}

}
