package org.leadrelay.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.leadrelay.platform.PublicUrl;
import org.leadrelay.referral.ReferralEvent;
import org.leadrelay.referral.ReferralsExpired;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Schedules a delivery of each referral event to every endpoint of the referral's
 * organization that subscribed to it. The event id is the message id, so an event
 * redelivered by the outbox schedules nothing new.
 */
@Component
class ReferralWebhooks {

	private final EndpointRepository endpoints;

	private final DeliveryRepository deliveries;

	private final PublicUrl publicUrl;

	private final JsonMapper json;

	private final Clock clock;

	ReferralWebhooks(EndpointRepository endpoints, DeliveryRepository deliveries, PublicUrl publicUrl, JsonMapper json,
			Clock clock) {
		this.endpoints = endpoints;
		this.deliveries = deliveries;
		this.publicUrl = publicUrl;
		this.json = json;
		this.clock = clock;
	}

	@ApplicationModuleListener(id = "webhook.referral-deliveries")
	void on(ReferralEvent event) {
		WebhookEvent webhookEvent = WebhookEvent.of(event);
		List<UUID> subscribed = this.endpoints.subscribedTo(event.organizationId(), webhookEvent);
		if (subscribed.isEmpty()) {
			return;
		}
		String payload = this.json.writeValueAsString(payload(event, webhookEvent));
		Instant now = this.clock.instant();
		for (UUID endpoint : subscribed) {
			this.deliveries.schedule(endpoint, event.eventId(), webhookEvent, payload, now);
		}
	}

	/** An expiry sweep batch: each expiration as if it came alone. */
	@ApplicationModuleListener(id = "webhook.referral-expirations")
	void on(ReferralsExpired batch) {
		batch.expirations().forEach(this::on);
	}

	private Payload payload(ReferralEvent event, WebhookEvent webhookEvent) {
		String resource = this.publicUrl.of("/v1.0/engagements/referrals/" + event.referralId());
		return new Payload(webhookEvent.eventName(), event.referralId().toString(), "referral", resource,
				resource + "/audit", event.occurredAt().toString());
	}

	/** What a receiver gets: which referral changed and where to read it. */
	record Payload(String eventName, String resourceId, String resourceName, String resourceUri, String auditUri,
			String resourceChangeUtcDate) {
	}

}
