package org.leadrelay.routing;

import java.time.Clock;

import org.leadrelay.platform.jobs.ClusteredJob;
import org.leadrelay.platform.jobs.ClusteredJob.Runs;
import org.leadrelay.referral.ReferralStatistics;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the roll-up of the partners' answers to similar leads current for the history
 * period, so that recommendations read a few rows per partner (see
 * {@link ReferralStatistics#foldSimilarLeads}): at start, then every
 * {@code leadrelay.routing.history-fold-interval}, its start moved forward to the
 * history's when that hour turns ({@link RoutingProperties#historySince}).
 * Recommendations are exact without it, only slower.
 */
@Component
class SimilarLeadsJob {

	private final ReferralStatistics statistics;

	private final RoutingProperties properties;

	private final Clock clock;

	SimilarLeadsJob(ReferralStatistics statistics, RoutingProperties properties, Clock clock) {
		this.statistics = statistics;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	@ClusteredJob(value = "similar-leads-fold", runs = Runs.ONE_NODE_AT_A_TIME, lockAtMostFor = "PT30M")
	void foldAtStart() {
		fold();
	}

	@Scheduled(fixedDelayString = "${leadrelay.routing.history-fold-interval:PT30S}",
			initialDelayString = "${leadrelay.routing.history-fold-interval:PT30S}")
	@ClusteredJob(value = "similar-leads-fold", runs = Runs.ONE_NODE_AT_A_TIME, lockAtMostFor = "PT30M")
	void scheduledFold() {
		fold();
	}

	int fold() {
		return this.statistics.foldSimilarLeads(this.properties.historySince(this.clock.instant()));
	}

}
