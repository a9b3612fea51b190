package org.leadrelay.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.leadrelay.platform.SqlValues;
import org.leadrelay.platform.jobs.ClusteredJob;
import org.leadrelay.platform.jobs.ClusteredJob.Runs;
import org.leadrelay.referral.PartnerResponses;
import org.leadrelay.referral.ReferralStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes every partner's responsiveness from its referrals of the period, every
 * {@code leadrelay.routing.responsiveness-refresh-interval}, in one transaction, on one
 * node at a time.
 */
@Component
class ResponsivenessJob {

	private static final Logger log = LoggerFactory.getLogger(ResponsivenessJob.class);

	private final ReferralStatistics statistics;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final RoutingProperties properties;

	private final Clock clock;

	ResponsivenessJob(ReferralStatistics statistics, JdbcTemplate jdbc, TransactionTemplate transactions,
			ApplicationEventPublisher events, RoutingProperties properties, Clock clock) {
		this.statistics = statistics;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
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
			List<Object[]> rows = new ArrayList<>();
			for (PartnerResponses partner : responses) {
				ResponsivenessScore score = ResponsivenessScore.of(partner.organizationId(), partner.answered(),
						partner.expired(), partner.medianResponseTime());
				rows.add(new Object[] { score.organizationId().value(), score.answered(), score.expired(),
						score.medianResponseTime() == null ? null : score.medianResponseTime().toSeconds(),
						(float) score.score(), SqlValues.timestamp(now) });
			}
			this.jdbc.batchUpdate("""
					insert into partner_responsiveness
					    (organization_id, answered, expired, median_response_seconds, score, refreshed_at)
					values (?, ?, ?, ?, ?, ?)
					on conflict (organization_id) do update set answered = excluded.answered,
					    expired = excluded.expired, median_response_seconds = excluded.median_response_seconds,
					    score = excluded.score, refreshed_at = excluded.refreshed_at""", rows);
			// partners whose history left the period are neutral again
			this.jdbc.update("delete from partner_responsiveness where refreshed_at < ?", SqlValues.timestamp(now));
			this.events.publishEvent(new ResponsivenessRefreshed(now));
			log.info("Responsiveness of {} partners recomputed in {} ms", rows.size(),
					(System.nanoTime() - start) / 1_000_000);
			return rows.size();
		});
		return partners == null ? 0 : partners;
	}

}
