package org.leadrelay.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An endpoint registered for an organization's referral events (its secret is never shown
 * again after registration or rotation).
 *
 * @param disabledAt when LeadRelay stopped delivering to it (the receiver answered 410
 * Gone), if it did
 */
public record WebhookEndpoint(UUID id, String url, List<WebhookEvent> events, Instant createdAt,
		@Nullable Instant disabledAt, @Nullable String disabledReason) {

	public WebhookEndpoint {
		events = List.copyOf(events);
	}

}
