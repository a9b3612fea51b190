package org.leadrelay.marketplace;

import java.util.List;

/**
 * A page of search results, best first.
 *
 * @param total how many profiles match, counted up to {@link #COUNT_LIMIT}
 */
public record SearchResults(List<Result> results, long total, int page, boolean hasNext) {

	/**
	 * Matches are ranked and counted up to this many; beyond it the page says "more
	 * than".
	 */
	public static final int COUNT_LIMIT = 500;

	public SearchResults {
		results = List.copyOf(results);
	}

	public boolean totalCapped() {
		return this.total > COUNT_LIMIT;
	}

	/**
	 * One profile found.
	 *
	 * @param topTags a few of its tags, those searched for first
	 */
	public record Result(ListingCard card, List<String> topTags) {
	}

}
