package org.leadrelay.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.leadrelay.platform.PublicUrl;
import org.leadrelay.referral.EngagementEvent;
import org.leadrelay.referral.ReferralEvent;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.ReferralsExpired;
import org.leadrelay.referral.ReferralsReceived;
import org.leadrelay.shared.Ids;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.webhook.DeliveryRepository.ScheduledDelivery;
import org.leadrelay.webhook.EndpointRepository.Subscriber;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Schedules a delivery of each referral event to every endpoint of the referral's
 * organization that subscribed to it, in the endpoint's payload format. The event id is
 * the message id, so an event redelivered by the outbox schedules nothing new.
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
		Instant now = this.clock.instant();
		this.deliveries.scheduleAll(
				deliveries(event, webhookEvent, this.endpoints.subscribedTo(event.organizationId(), webhookEvent), now),
				now);
	}

	/**
	 * An expiry sweep batch: the endpoints of all its organizations read in one query,
	 * and all its deliveries scheduled by one insert.
	 */
	@ApplicationModuleListener(id = "webhook.referral-expirations")
	void on(ReferralsExpired batch) {
		scheduleAll(batch.expirations(), WebhookEvent.REFERRAL_UPDATED);
	}

	/**
	 * New leads announced together (an import chunk, leads sent at about the same time),
	 * as an expiry sweep batch.
	 */
	@ApplicationModuleListener(id = "webhook.referral-receipts")
	void on(ReferralsReceived batch) {
		scheduleAll(batch.received(), WebhookEvent.REFERRAL_CREATED);
	}

	private void scheduleAll(List<? extends ReferralEvent> events, WebhookEvent webhookEvent) {
		Instant now = this.clock.instant();
		Map<OrganizationId, List<Subscriber>> subscribed = this.endpoints
			.subscribedTo(events.stream().map(ReferralEvent::organizationId).collect(Collectors.toSet()), webhookEvent);
		List<ScheduledDelivery> scheduled = new ArrayList<>();
		for (ReferralEvent event : events) {
			scheduled.addAll(
					deliveries(event, webhookEvent, subscribed.getOrDefault(event.organizationId(), List.of()), now));
		}
		this.deliveries.scheduleAll(scheduled, now);
	}

	/** A delivery of the event to each endpoint, the payload written once per format. */
	private List<ScheduledDelivery> deliveries(ReferralEvent event, WebhookEvent webhookEvent,
			List<Subscriber> subscribed, Instant now) {
		Map<PayloadFormat, String> payloads = new EnumMap<>(PayloadFormat.class);
		List<ScheduledDelivery> deliveries = new ArrayList<>();
		for (Subscriber endpoint : subscribed) {
			String payload = payloads.computeIfAbsent(endpoint.format(),
					format -> this.json.writeValueAsString(payload(event, webhookEvent, format)));
			deliveries
				.add(new ScheduledDelivery(Ids.newId(now), endpoint.id(), event.eventId(), webhookEvent, payload));
		}
		return deliveries;
	}

	/**
	 * An invited organization's record changed: told to the inviter's endpoints, about
	 * the inviter's own record, which shows the other side's stage (the invited record
	 * itself is not the inviter's to read).
	 */
	@ApplicationModuleListener(id = "webhook.related-referral-deliveries")
	void on(EngagementEvent event) {
		WebhookEvent webhookEvent = WebhookEvent.of(event);
		OrganizationId inviter = event.inviter().organizationId();
		Instant now = this.clock.instant();
		Map<PayloadFormat, String> payloads = new EnumMap<>(PayloadFormat.class);
		for (Subscriber endpoint : this.endpoints.subscribedTo(inviter, webhookEvent)) {
			String payload = payloads.computeIfAbsent(endpoint.format(), format -> this.json
				.writeValueAsString(payload(event.inviter().referralId(), event.occurredAt(), webhookEvent, format)));
			this.deliveries.schedule(endpoint.id(), event.eventId(), webhookEvent, payload, now);
		}
	}

	private Object payload(ReferralEvent event, WebhookEvent webhookEvent, PayloadFormat format) {
		return payload(event.referralId(), event.occurredAt(), webhookEvent, format);
	}

	private Object payload(ReferralId referralId, Instant occurredAt, WebhookEvent webhookEvent, PayloadFormat format) {
		String resource = this.publicUrl.of("/v1.0/engagements/referrals/" + referralId);
		String changed = occurredAt.toString();
		return switch (format) {
			case STANDARD -> new Payload(webhookEvent.eventName(), referralId.toString(), "referral", resource,
					resource + "/audit", changed);
			case REFERRALS_API ->
				new ReferralsApiPayload(webhookEvent.eventName(), resource, "referral", resource + "/audit", changed);
		};
	}

	/** What a receiver gets: which referral changed and where to read it. */
	record Payload(String eventName, String resourceId, String resourceName, String resourceUri, String auditUri,
			String resourceChangeUtcDate) {
	}

}
