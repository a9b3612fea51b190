package org.leadrelay.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.leadrelay.platform.jobs.ClusteredJob;
import org.leadrelay.platform.jobs.ClusteredJob.Runs;
import org.leadrelay.referral.PartnerResponses;
import org.leadrelay.referral.ReferralStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes every partner's responsiveness from its referrals of the period, in one
 * transaction, on one node at a time: once when the application is ready, then every
 * {@code leadrelay.routing.responsiveness-refresh-interval}. It also brings routing's
 * copy of the locations up to date, which the first start after V168 fills whole.
 */
@Component
class ResponsivenessJob {

	private static final Logger log = LoggerFactory.getLogger(ResponsivenessJob.class);

	private final ReferralStatistics statistics;

	private final ResponsivenessRepository scores;

	private final RoutingLocationRepository locations;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final RoutingProperties properties;

	private final Clock clock;

	ResponsivenessJob(ReferralStatistics statistics, ResponsivenessRepository scores,
			RoutingLocationRepository locations, TransactionTemplate transactions, ApplicationEventPublisher events,
			RoutingProperties properties, Clock clock) {
		this.statistics = statistics;
		this.scores = scores;
		this.locations = locations;
		this.transactions = transactions;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Runs before the application reports itself ready (after the demo data is seeded),
	 * so that no page shows a partner without history for a whole interval after a start.
	 * A node that finds the lock taken skips: another node is computing the scores then.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@ClusteredJob(value = "responsiveness-refresh", runs = Runs.ONE_NODE_AT_A_TIME, lockAtMostFor = "PT30M")
	void refreshAtStart() {
		refresh();
	}

	@Scheduled(fixedDelayString = "${leadrelay.routing.responsiveness-refresh-interval:PT10M}",
			initialDelayString = "${leadrelay.routing.responsiveness-refresh-interval:PT10M}")
	@ClusteredJob(value = "responsiveness-refresh", runs = Runs.ONE_NODE_AT_A_TIME, lockAtMostFor = "PT30M")
	void scheduledRefresh() {
		refresh();
	}

	/**
	 * @return how many partners have history
	 */
	int refresh() {
		Integer partners = this.transactions.execute(status -> {
			long start = System.nanoTime();
			Instant now = this.clock.instant();
			List<PartnerResponses> responses = this.statistics
				.responsesSince(now.minus(this.properties.responsivenessPeriod()));
			List<ResponsivenessScore> computed = responses.stream()
				.map(partner -> ResponsivenessScore.of(partner.organizationId(), partner.answered(), partner.expired(),
						partner.medianResponseTime()))
				.toList();
			// the copy of the locations first: its lock holds back a location added
			// meanwhile until these scores are committed, and its copy then takes them
			this.locations.syncAll();
			this.scores.saveAll(computed, now);
			// partners whose history left the period are neutral again
			this.scores.deleteRefreshedBefore(now);
			this.events.publishEvent(new ResponsivenessRefreshed(now));
			log.info("Responsiveness of {} partners recomputed in {} ms", computed.size(),
					(System.nanoTime() - start) / 1_000_000);
			return computed.size();
		});
		return partners == null ? 0 : partners;
	}

}
