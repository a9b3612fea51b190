package org.leadrelay.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

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
 */
@ConfigurationProperties("leadrelay.routing")
record RoutingProperties(@DefaultValue("P90D") Duration responsivenessPeriod,
		@DefaultValue("PT10M") Duration responsivenessRefreshInterval, @DefaultValue("P365D") Duration historyPeriod,
		@DefaultValue("PT30S") Duration historyFoldInterval) {

	/**
	 * Where the history starts now: {@link #historyPeriod} back, from the start of that
	 * hour. The roll-up of the history is rebuilt from there when the hour turns, so that
	 * a read has no leads between the roll-up's start and the period's to take away.
	 */
	Instant historySince(Instant now) {
		return now.minus(this.historyPeriod).truncatedTo(ChronoUnit.HOURS);
	}

}
