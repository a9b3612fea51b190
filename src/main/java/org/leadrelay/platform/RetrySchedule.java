package org.leadrelay.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;

/**
 * When to try a failed outbound call again (a webhook delivery, a CRM sync): after the
 * configured delays, each varied by a random jitter so that retries of many calls spread
 * out, and never before the receiver's {@code Retry-After}.
 */
public final class RetrySchedule {

	private final List<Duration> delays;

	private final double jitter;

	private final RandomGenerator random;

	public RetrySchedule(List<Duration> delays, double jitter, RandomGenerator random) {
		this.delays = List.copyOf(delays);
		this.jitter = jitter;
		this.random = random;
	}

	/**
	 * The wait before the next attempt, or empty when the call is given up.
	 * @param failedAttempts how many attempts failed so far (at least 1)
	 * @param retryAfter what the receiver asked for, if anything; capped at the longest
	 * delay
	 */
	public Optional<Duration> delayAfter(int failedAttempts, @Nullable Duration retryAfter) {
		if (failedAttempts > this.delays.size()) {
			return Optional.empty();
		}
		Duration delay = this.delays.get(failedAttempts - 1);
		long millis = Math.round(delay.toMillis() * (1 + this.jitter * (2 * this.random.nextDouble() - 1)));
		Duration jittered = Duration.ofMillis(millis);
		if (retryAfter != null) {
			Duration longest = this.delays.get(this.delays.size() - 1);
			Duration asked = retryAfter.compareTo(longest) > 0 ? longest : retryAfter;
			return Optional.of(asked.compareTo(jittered) > 0 ? asked : jittered);
		}
		return Optional.of(jittered);
	}

	/**
	 * Reads a {@code Retry-After} header: seconds, or an HTTP date.
	 * @return empty if absent or unreadable
	 */
	public static Optional<Duration> retryAfter(@Nullable String header, Instant now) {
		if (header == null || header.isBlank()) {
			return Optional.empty();
		}
		String value = header.strip();
		try {
			if (value.chars().allMatch(Character::isDigit)) {
				return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
			}
			Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			return Optional.empty();
		}
	}

}
