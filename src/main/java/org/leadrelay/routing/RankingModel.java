package org.leadrelay.routing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
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

	private RankingModel() {
	}

	static Signals signals(RecommendationQuery query, Candidate candidate) {
		Set<String> offered = Stream
			.of(candidate.expertise().industries(), candidate.expertise().products(), candidate.expertise().services())
			.flatMap(List::stream)
			.map(RankingModel::key)
			.collect(Collectors.toSet());
		List<String> wanted = query.tags();
		List<String> matched = wanted.stream().filter(tag -> offered.contains(key(tag))).toList();
		double tags = wanted.isEmpty() ? 0 : (double) matched.size() / wanted.size();
		double size = query.size() == null || query.size().overlapsAny(candidate.customerSizes()) ? 1 : 0;
		return new Signals(matched, tags, size, country(query.country(), candidate.place().country()),
				candidate.responsiveness().score(), history(candidate.history()));
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
