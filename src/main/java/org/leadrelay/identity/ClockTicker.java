package org.leadrelay.identity;

import java.time.Clock;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Caffeine's time taken from the application's {@link Clock}, so that tests that move the
 * clock move the caches' time too. It reads the instant: {@code millis()} of the
 * application's clock, which ticks in microseconds, divides by zero on Java 17.
 */
record ClockTicker(Clock clock) implements Ticker {

	@Override
	public long read() {
		Instant now = this.clock.instant();
		return now.getEpochSecond() * 1_000_000_000L + now.getNano();
	}

}
