package org.leadrelay.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retries come about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 24 h apart, each within its
 * jitter, never before the receiver's Retry-After, and stop after the last.
 */
class RetryScheduleTests {

	static final List<Duration> DELAYS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
			Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(24));

	final RetrySchedule schedule = new RetrySchedule(DELAYS, 0.1, new Random(7));

	@Test
	void eachRetryWaitsItsDelayGiveOrTakeTheJitter() {
		for (int failed = 1; failed <= DELAYS.size(); failed++) {
			Duration delay = DELAYS.get(failed - 1);
			for (int sample = 0; sample < 50; sample++) {
				assertThat(this.schedule.delayAfter(failed, null)).get()
					.satisfies(wait -> assertThat(wait).isBetween(delay.multipliedBy(9).dividedBy(10),
							delay.multipliedBy(11).dividedBy(10)));
			}
		}
	}

	@Test
	void theJitterSpreadsRetries() {
		assertThat(java.util.stream.IntStream.range(0, 20).mapToObj(i -> this.schedule.delayAfter(2, null).get()))
			.doesNotHaveDuplicates();
	}

	@Test
	void afterTheLastRetryTheDeliveryIsGivenUp() {
		assertThat(this.schedule.delayAfter(DELAYS.size() + 1, null)).isEmpty();
	}

	@Test
	void retryAfterIsHonouredUpToTheLongestDelay() {
		assertThat(this.schedule.delayAfter(1, Duration.ofMinutes(2))).contains(Duration.ofMinutes(2));
		assertThat(this.schedule.delayAfter(1, Duration.ofDays(30))).contains(Duration.ofHours(24));
		assertThat(this.schedule.delayAfter(3, Duration.ofSeconds(1)).get()).isGreaterThan(Duration.ofMinutes(20));
	}

	@Test
	void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
		Instant now = Instant.parse("2026-03-01T10:00:00Z");
		assertThat(RetrySchedule.retryAfter("120", now)).contains(Duration.ofSeconds(120));
		assertThat(RetrySchedule.retryAfter("Sun, 01 Mar 2026 10:05:00 GMT", now)).contains(Duration.ofMinutes(5));
		assertThat(RetrySchedule.retryAfter("Sun, 01 Mar 2026 09:00:00 GMT", now)).contains(Duration.ZERO);
		assertThat(RetrySchedule.retryAfter("soon", now)).isEmpty();
		assertThat(RetrySchedule.retryAfter(null, now)).isEmpty();
	}

}
