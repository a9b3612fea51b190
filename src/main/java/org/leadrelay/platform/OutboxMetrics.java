package org.leadrelay.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The outbox as {@code /actuator/prometheus} shows it: how many event publications wait
 * for their listener ({@code leadrelay_outbox_backlog}) and how long the oldest has
 * waited ({@code leadrelay_outbox_oldest_age_seconds}, 0 when none waits). Both are read
 * from {@code event_publication} at each scrape: completed publications are deleted, so
 * the table holds little more than the backlog.
 */
@Component
class OutboxMetrics {

	private final OutboxRepository outbox;

	private final Clock clock;

	OutboxMetrics(OutboxRepository outbox, Clock clock, MeterRegistry registry) {
		this.outbox = outbox;
		this.clock = clock;
		Gauge.builder("leadrelay.outbox.backlog", this, OutboxMetrics::backlog)
			.description("Event publications not yet completed")
			.register(registry);
		Gauge.builder("leadrelay.outbox.oldest.age", this, OutboxMetrics::oldestAgeSeconds)
			.description("Age of the oldest event publication not yet completed")
			.baseUnit("seconds")
			.register(registry);
	}

	private double backlog() {
		return this.outbox.countPending();
	}

	private double oldestAgeSeconds() {
		Instant oldest = this.outbox.oldestPending();
		return oldest == null ? 0 : Math.max(0, Duration.between(oldest, this.clock.instant()).toMillis() / 1000.0);
	}

}
