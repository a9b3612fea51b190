package org.leadrelay.platform;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How side effects that did not complete are retried ({@code leadrelay.outbox.*}).
 *
 * @param retryInterval how often the retry job runs
 * @param retryBackoff the wait before the first retry; it doubles with every attempt
 * @param maxRetryBackoff the longest wait between two attempts
 * @param staleAfter how long a listener may run before its publication counts as lost
 * (its node died) and is retried; by default 1 minute on the embedded database (one node:
 * what is in flight after a restart was left by the process that died) and 10 minutes on
 * an external one, where another node may still be working on it
 * @param batchSize publications retried per run at most
 */
@ConfigurationProperties("leadrelay.outbox")
record OutboxProperties(@DefaultValue("PT30S") Duration retryInterval, @DefaultValue("PT1M") Duration retryBackoff,
		@DefaultValue("PT1H") Duration maxRetryBackoff, @Nullable Duration staleAfter,
		@DefaultValue("100") int batchSize) {

	OutboxProperties {
		if (retryBackoff.isNegative() || retryBackoff.isZero() || maxRetryBackoff.compareTo(retryBackoff) < 0) {
			throw new IllegalArgumentException(
					"leadrelay.outbox.retry-backoff must be positive and at most leadrelay.outbox.max-retry-backoff");
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException("leadrelay.outbox.batch-size must be at least 1");
		}
	}

	static final Duration STALE_AFTER_EMBEDDED = Duration.ofMinutes(1);

	static final Duration STALE_AFTER_CLUSTER = Duration.ofMinutes(10);

	/** {@link #staleAfter} as configured, or the default for the kind of database. */
	Duration staleAfter(boolean embedded) {
		if (this.staleAfter != null) {
			return this.staleAfter;
		}
		return embedded ? STALE_AFTER_EMBEDDED : STALE_AFTER_CLUSTER;
	}

	/** The wait after the given number of attempts: doubling, capped. */
	Duration backoffAfter(int attempts) {
		int doublings = Math.min(Math.max(attempts - 1, 0), 30);
		Duration backoff = this.retryBackoff.multipliedBy(1L << doublings);
		return backoff.compareTo(this.maxRetryBackoff) > 0 ? this.maxRetryBackoff : backoff;
	}

}
