package org.leadrelay.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One event for one endpoint, with every HTTP attempt made so far.
 *
 * @param messageId the {@code webhook-id} it is sent with: the referral event's id, the
 * same for every attempt and replay
 * @param nextAttemptAt when it is tried next, while pending
 * @param replayOf the delivery this one replays, if it is a replay
 */
public record WebhookDelivery(UUID id, UUID endpointId, UUID messageId, String eventName, Status status,
		Instant createdAt, @Nullable Instant nextAttemptAt, @Nullable Instant deliveredAt, @Nullable UUID replayOf,
		List<Attempt> attempts) {

	public WebhookDelivery {
		attempts = List.copyOf(attempts);
	}

	public enum Status {

		/** Waiting for its first or next attempt. */
		PENDING,

		/** The receiver answered 2xx. */
		DELIVERED,

		/** Given up: every retry failed, or the receiver answered 410 Gone. */
		FAILED

	}

	/**
	 * One HTTP request of a delivery.
	 *
	 * @param statusCode the receiver's answer, if it answered
	 * @param error why there was no answer (timeout, refused address, ...)
	 */
	public record Attempt(int number, Instant attemptedAt, @Nullable Integer statusCode, @Nullable String error,
			long durationMillis) {
	}

}
