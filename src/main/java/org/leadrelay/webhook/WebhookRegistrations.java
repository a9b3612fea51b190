package org.leadrelay.webhook;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.platform.OutboundAddressPolicy;
import org.leadrelay.platform.PublicUrl;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.Ids;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Referrals API-style webhook registration: one per organization (so each event goes
 * to one URL, as in the reference service), delivered with the reference's thin payload
 * through the same endpoints, deliveries, retries, address policy and signatures as every
 * other webhook. It is an endpoint like the others, so it also shows in
 * {@code /v1.0/webhooks} and on the Webhooks page, with its delivery log.
 */
@Service
@Transactional
public class WebhookRegistrations {

	private static final String URL_FIELD = "WebhookUrl";

	private static final String EVENTS_FIELD = "WebhookEvents";

	private final Webhooks webhooks;

	private final EndpointRepository endpoints;

	private final DeliveryRepository deliveries;

	private final OutboundAddressPolicy outbound;

	private final PublicUrl publicUrl;

	private final JsonMapper json;

	private final Clock clock;

	WebhookRegistrations(Webhooks webhooks, EndpointRepository endpoints, DeliveryRepository deliveries,
			OutboundAddressPolicy outbound, PublicUrl publicUrl, JsonMapper json, Clock clock) {
		this.webhooks = webhooks;
		this.endpoints = endpoints;
		this.deliveries = deliveries;
		this.outbound = outbound;
		this.publicUrl = publicUrl;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Registers the organization's URL for the given events.
	 * @return the registration with its signing secret, shown this once
	 */
	public RegisteredWebhook register(Caller caller, @Nullable String url, @Nullable List<String> eventNames) {
		Webhooks.requireAdmin(caller);
		URI uri = checkedUrl(url);
		List<WebhookEvent> events = Webhooks.parseEvents(EVENTS_FIELD, eventNames, List.of(WebhookEvent.values()));
		if (this.endpoints.findRegistration(caller.organizationId()).isPresent()) {
			throw alreadyRegistered();
		}
		RegisteredWebhook registered = this.webhooks.create(caller, uri, events);
		try {
			if (!this.endpoints.makeRegistration(caller.organizationId(), registered.endpoint().id())) {
				throw alreadyRegistered();
			}
		}
		catch (DuplicateKeyException ex) {
			// Another request registered at the same time.
			throw alreadyRegistered();
		}
		return registered;
	}

	@Transactional(readOnly = true)
	public WebhookEndpoint get(Caller caller) {
		Webhooks.requireAdmin(caller);
		return find(caller);
	}

	/**
	 * Replaces the registration's URL and events (its secret and delivery log stay), and
	 * enables it again if the receiver had answered 410 Gone.
	 */
	public WebhookEndpoint update(Caller caller, @Nullable String url, @Nullable List<String> eventNames) {
		Webhooks.requireAdmin(caller);
		URI uri = checkedUrl(url);
		List<WebhookEvent> events = Webhooks.parseEvents(EVENTS_FIELD, eventNames, List.of(WebhookEvent.values()));
		WebhookEndpoint registration = find(caller);
		this.endpoints.update(caller.organizationId(), registration.id(), uri.toString(), events);
		return find(caller);
	}

	/** Deletes the registration with its delivery log; nothing more is sent to it. */
	public void delete(Caller caller) {
		Webhooks.requireAdmin(caller);
		this.endpoints.delete(caller.organizationId(), find(caller).id());
	}

	/**
	 * Sends a {@code test-created} event to the registered URL (whether or not it
	 * subscribed to it: asking is subscribing).
	 * @return its correlation id, to follow its delivery with
	 */
	public UUID sendTestEvent(Caller caller) {
		Webhooks.requireAdmin(caller);
		WebhookEndpoint registration = find(caller);
		if (registration.disabledAt() != null) {
			throw DomainException.conflict("The registration is disabled (" + registration.disabledReason()
					+ "); PUT it again to receive events");
		}
		Instant now = this.clock.instant();
		UUID correlationId = Ids.newId(now);
		ReferralsApiPayload payload = new ReferralsApiPayload(WebhookEvent.TEST_CREATED.eventName(),
				this.publicUrl.of("/webhooks/v1/registration/validationEvents/" + correlationId), "test", null,
				now.toString());
		this.deliveries.schedule(registration.id(), correlationId, WebhookEvent.TEST_CREATED,
				this.json.writeValueAsString(payload), now);
		return correlationId;
	}

	/** A test event of the caller's registration, with every attempt to deliver it. */
	@Transactional(readOnly = true)
	public TestEvent testEvent(Caller caller, UUID correlationId) {
		Webhooks.requireAdmin(caller);
		WebhookEndpoint registration = find(caller);
		return this.deliveries.findMessage(registration.id(), correlationId)
			.filter(delivery -> delivery.eventName().equals(WebhookEvent.TEST_CREATED.eventName()))
			.map(delivery -> new TestEvent(correlationId, registration.url(), delivery))
			.orElseThrow(() -> DomainException.notFound("Validation event " + correlationId + " not found"));
	}

	private URI checkedUrl(@Nullable String url) {
		URI uri = Webhooks.parseUrl(URL_FIELD, url);
		this.outbound.requireAllowed(uri, URL_FIELD);
		return uri;
	}

	private WebhookEndpoint find(Caller caller) {
		return this.endpoints.findRegistration(caller.organizationId())
			.orElseThrow(() -> DomainException
				.notFound("The organization has no webhook registration; POST /webhooks/v1/registration first"));
	}

	private static DomainException alreadyRegistered() {
		return DomainException
			.conflict("The organization already has a webhook registration; use PUT to change its URL or events");
	}

	/**
	 * A test event and its delivery.
	 *
	 * @param callbackUrl where it is sent
	 */
	public record TestEvent(UUID correlationId, String callbackUrl, WebhookDelivery delivery) {
	}

}
