package org.leadrelay.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How side effects that did not complete are retried ({@code leadrelay.outbox.*}).
 *
 * @param retryInterval how often the retry job runs
 * @param retryBackoff the wait before the first retry; it doubles with every attempt
 * @param maxRetryBackoff the longest wait between two attempts
 * @param staleAfter how long a listener may run before its publication counts as lost
 * (its node died) and is retried
 * @param batchSize publications retried per run at most
 */
@ConfigurationProperties("leadrelay.outbox")
record OutboxProperties(@DefaultValue("PT30S") Duration retryInterval, @DefaultValue("PT1M") Duration retryBackoff,
		@DefaultValue("PT1H") Duration maxRetryBackoff, @DefaultValue("PT10M") Duration staleAfter,
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

	/** The wait after the given number of attempts: doubling, capped. */
	Duration backoffAfter(int attempts) {
		int doublings = Math.min(Math.max(attempts - 1, 0), 30);
		Duration backoff = this.retryBackoff.multipliedBy(1L << doublings);
		return backoff.compareTo(this.maxRetryBackoff) > 0 ? this.maxRetryBackoff : backoff;
	}

}
