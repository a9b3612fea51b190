package org.leadrelay.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.leadrelay.platform.web.Durations;
import org.leadrelay.platform.web.Formats;
import org.leadrelay.platform.web.LocaleFormats;
import org.leadrelay.referral.SimilarLeads;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Puts a candidate's signals into plain words of the current language: "matches Dynamics
 * 365 and Manufacturing; located in Hungary; answers leads in 6 h on median; accepted 8
 * similar leads, declined 1".
 */
@Component
class Explanations {

	private final MessageSource messages;

	private final Durations durations;

	private final Formats formats;

	Explanations(MessageSource messages, Durations durations, Formats formats) {
		this.messages = messages;
		this.durations = durations;
		this.formats = formats;
	}

	/**
	 * The candidate's explanation; the reader's formats are resolved once for it, as each
	 * resolution reads the reader's settings or the request's headers again.
	 */
	String of(RecommendationQuery query, Candidate candidate, Signals signals) {
		LocaleFormats formats = this.formats.current();
		Locale locale = formats.locale();
		List<String> parts = new ArrayList<>();
		if (!signals.matchedTags().isEmpty()) {
			parts.add(text(locale, "recommendation.matches", list(signals.matchedTags(), locale)));
		}
		else if (!query.tags().isEmpty()) {
			parts.add(text(locale, "recommendation.matchesNone"));
		}
		if (query.country() != null) {
			String country = formats.country(query.country());
			parts.add(signals.country() == 1 ? text(locale, "recommendation.inCountry", country)
					: signals.country() > 0 ? text(locale, "recommendation.sameRegion", country)
							: text(locale, "recommendation.otherRegion", country));
		}
		if (query.size() != null) {
			String size = text(locale, "size." + query.size().name());
			parts.add(signals.size() == 1 ? text(locale, "recommendation.servesSize", size)
					: text(locale, "recommendation.notSize", size));
		}
		parts.add(responsiveness(candidate.responsiveness(), locale));
		SimilarLeads history = candidate.history();
		if (history.accepted() + history.declined() > 0) {
			parts.add(history.won() > 0
					? text(locale, "recommendation.historyWon", history.accepted(), history.declined(), history.won())
					: text(locale, "recommendation.history", history.accepted(), history.declined()));
		}
		return String.join("; ", parts);
	}

	private String responsiveness(ResponsivenessScore score, Locale locale) {
		if (!score.hasHistory()) {
			return text(locale, "recommendation.noResponseHistory");
		}
		if (score.medianResponseTime() == null) {
			return text(locale, "recommendation.allExpired", score.expired());
		}
		String median = this.durations.of(score.medianResponseTime(), locale);
		return score.expired() == 0 ? text(locale, "recommendation.answers", median)
				: text(locale, "recommendation.answersWithExpired", median, Math.round(score.expiredShare() * 100));
	}

	/** "A", "A and B", "A, B and C". */
	private String list(List<String> items, Locale locale) {
		if (items.size() == 1) {
			return items.get(0);
		}
		return String.join(", ", items.subList(0, items.size() - 1)) + " " + text(locale, "recommendation.and") + " "
				+ items.get(items.size() - 1);
	}

	private String text(Locale locale, String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

}
