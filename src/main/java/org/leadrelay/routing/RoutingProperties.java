package org.leadrelay.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Routing settings ({@code leadrelay.routing.*}).
 *
 * @param responsivenessPeriod how far back a partner's answers count
 * @param responsivenessRefreshInterval how often the scores are recomputed
 * @param historyPeriod how far back a partner's answers to similar leads count for
 * recommendations, from the start of that hour ({@link #historySince})
 * @param historyFoldInterval how often the roll-up of those answers folds in the
 * referrals changed since
 * @param recommendationConcurrency how many recommendations a node works out at once
 * (unset: {@link #recommendationsAtOnce})
 */
@ConfigurationProperties("leadrelay.routing")
record RoutingProperties(@DefaultValue("P90D") Duration responsivenessPeriod,
		@DefaultValue("PT10M") Duration responsivenessRefreshInterval, @DefaultValue("P365D") Duration historyPeriod,
		@DefaultValue("PT30S") Duration historyFoldInterval, @Nullable Integer recommendationConcurrency) {

	RoutingProperties {
		if (recommendationConcurrency != null && recommendationConcurrency < 1) {
			throw new IllegalArgumentException("leadrelay.routing.recommendation-concurrency must be at least 1");
		}
	}

	/**
	 * How many recommendations a node works out at once, the others waiting their turn:
	 * as set, else one more than the node's processors. Each is the node's and the
	 * database's CPU work; more at once than the cores can run slows every one of them,
	 * and one more keeps a core busy while a request waits for the database.
	 */
	int recommendationsAtOnce() {
		return this.recommendationConcurrency != null ? this.recommendationConcurrency
				: Runtime.getRuntime().availableProcessors() + 1;
	}

	/**
	 * Where the history starts now: {@link #historyPeriod} back, from the start of that
	 * hour. The roll-up of the history is rebuilt from there when the hour turns, so that
	 * a read has no leads between the roll-up's start and the period's to take away.
	 */
	Instant historySince(Instant now) {
		return now.minus(this.historyPeriod).truncatedTo(ChronoUnit.HOURS);
	}

}
