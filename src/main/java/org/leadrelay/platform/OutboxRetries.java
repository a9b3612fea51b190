package org.leadrelay.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.leadrelay.platform.jobs.ClusteredJob;
import org.leadrelay.platform.jobs.ClusteredJob.Runs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries the side effects that did not complete. Every listener of the event publication
 * registry (the outbox) that throws leaves its publication FAILED; one whose node died
 * leaves it in flight, and once that is older than {@code leadrelay.outbox.stale-after}
 * (1 minute on the embedded database, 10 on an external one: see
 * {@link OutboxProperties}) this job marks it FAILED too. FAILED publications are
 * resubmitted with exponential backoff.
 * <p>
 * Safe on any number of nodes: Spring Modulith claims each publication with a conditional
 * UPDATE (to RESUBMITTED) before it invokes the listener, so exactly one node retries it.
 * Staleness is judged here rather than by Modulith's staleness monitor because 2.0.5
 * measures it from the first publication, not from the latest resubmission.
 */
@Component
public class OutboxRetries {

	private static final Logger log = LoggerFactory.getLogger(OutboxRetries.class);

	private final FailedEventPublications failed;

	private final OutboxRepository outbox;

	private final OutboxProperties properties;

	private final Duration staleAfter;

	private final Clock clock;

	OutboxRetries(FailedEventPublications failed, OutboxRepository outbox, OutboxProperties properties, Clock clock,
			ObjectProvider<EmbeddedDatabaseMarker> embedded) {
		this.failed = failed;
		this.outbox = outbox;
		this.properties = properties;
		this.staleAfter = properties.staleAfter(embedded.getIfAvailable() != null);
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${leadrelay.outbox.retry-interval:PT30S}",
			initialDelayString = "${leadrelay.outbox.retry-interval:PT30S}")
	@ClusteredJob(value = "outbox-retries", runs = Runs.ON_EVERY_NODE)
	void scheduledRetry() {
		retryDue();
	}

	/**
	 * Marks lost publications failed and resubmits the failed ones whose backoff is over.
	 */
	public void retryDue() {
		Instant staleBefore = this.clock.instant().minus(this.staleAfter);
		int stale = this.outbox.failInFlightSince(staleBefore);
		if (stale > 0) {
			log.warn("Retrying {} event publication(s) in flight for longer than {}: their node probably died", stale,
					this.staleAfter);
		}
		this.failed.resubmit(ResubmissionOptions.defaults()
			.withBatchSize(this.properties.batchSize())
			.withMaxInFlight(this.properties.batchSize())
			.withFilter(this::isDue));
	}

	private boolean isDue(EventPublication publication) {
		Instant lastAttempt = publication.getLastResubmissionDate() != null ? publication.getLastResubmissionDate()
				: publication.getPublicationDate();
		Instant due = lastAttempt.plus(this.properties.backoffAfter(publication.getCompletionAttempts()));
		return !this.clock.instant().isBefore(due);
	}

}
