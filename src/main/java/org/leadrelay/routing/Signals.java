package org.leadrelay.routing;

import java.util.List;

/**
 * The parts of a candidate's score, each from 0 to 1, and the tags it matched; what the
 * explanation puts into words.
 */
record Signals(List<String> matchedTags, double tags, double size, double country, double responsiveness,
		double history) {

	static final double TAGS_WEIGHT = 0.40;

	static final double SIZE_WEIGHT = 0.10;

	static final double COUNTRY_WEIGHT = 0.15;

	static final double RESPONSIVENESS_WEIGHT = 0.15;

	static final double HISTORY_WEIGHT = 0.20;

	/** The weighted sum, 0 to 1, rounded to three decimals so that ties are real ties. */
	double score() {
		double score = TAGS_WEIGHT * this.tags + SIZE_WEIGHT * this.size + COUNTRY_WEIGHT * this.country
				+ RESPONSIVENESS_WEIGHT * this.responsiveness + HISTORY_WEIGHT * this.history;
		return Math.round(score * 1000) / 1000.0;
	}

}
