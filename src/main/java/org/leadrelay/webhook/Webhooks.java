package org.leadrelay.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.platform.OutboundAddressPolicy;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.Ids;
import org.leadrelay.shared.Role;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhook endpoints and their deliveries, for a partner's Referrals admins (users, and
 * the organization's API clients). Another organization's endpoint is not found, never
 * forbidden.
 */
@Service
@Transactional
public class Webhooks {

	private static final int MAX_URL_LENGTH = 2000;

	private final EndpointRepository endpoints;

	private final DeliveryRepository deliveries;

	private final OutboundAddressPolicy outbound;

	private final WebhookProperties properties;

	private final Clock clock;

	Webhooks(EndpointRepository endpoints, DeliveryRepository deliveries, OutboundAddressPolicy outbound,
			WebhookProperties properties, Clock clock) {
		this.endpoints = endpoints;
		this.deliveries = deliveries;
		this.outbound = outbound;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Registers an HTTPS endpoint for the caller's referrals.
	 * @param eventNames {@code referral-created} and/or {@code referral-updated}
	 * @return the endpoint with its secret, shown this once
	 */
	public RegisteredWebhook register(Caller caller, @Nullable String url, @Nullable List<String> eventNames) {
		requireAdmin(caller);
		URI uri = parseUrl("url", url);
		this.outbound.requireAllowed(uri, "url");
		return create(caller, uri, parseEvents("events", eventNames, WebhookEvent.referralEvents()));
	}

	/** Stores a checked endpoint with a new secret, within the organization's limit. */
	RegisteredWebhook create(Caller caller, URI uri, List<WebhookEvent> events) {
		if (this.endpoints.count(caller.organizationId()) >= this.properties.maxEndpoints()) {
			throw DomainException.conflict(
					"An organization has at most " + this.properties.maxEndpoints() + " webhooks; delete one first");
		}
		WebhookEndpoint endpoint = new WebhookEndpoint(Ids.newId(this.clock), uri.toString(), events,
				this.clock.instant(), null, null);
		WebhookSecret secret = WebhookSecret.generate();
		this.endpoints.insert(caller.organizationId(), endpoint, secret, caller.principalId());
		return new RegisteredWebhook(endpoint, secret.value());
	}

	@Transactional(readOnly = true)
	public List<WebhookEndpoint> list(Caller caller) {
		requireAdmin(caller);
		return this.endpoints.findAll(caller.organizationId());
	}

	@Transactional(readOnly = true)
	public WebhookEndpoint get(Caller caller, UUID id) {
		requireAdmin(caller);
		return find(caller, id);
	}

	/** Deletes an endpoint with its delivery log; nothing more is sent to it. */
	public void delete(Caller caller, UUID id) {
		requireAdmin(caller);
		if (!this.endpoints.delete(caller.organizationId(), id)) {
			throw notFound(id);
		}
	}

	/**
	 * Issues a new secret. The old one keeps signing deliveries alongside it for
	 * {@code leadrelay.webhooks.previous-secret-validity} (24 hours), so the receiver can
	 * switch without missing any.
	 */
	public RegisteredWebhook rotateSecret(Caller caller, UUID id) {
		requireAdmin(caller);
		WebhookSecret secret = WebhookSecret.generate();
		Instant previousValidUntil = this.clock.instant().plus(this.properties.previousSecretValidity());
		if (!this.endpoints.rotateSecret(caller.organizationId(), id, secret, previousValidUntil)) {
			throw notFound(id);
		}
		return new RegisteredWebhook(find(caller, id), secret.value());
	}

	/** The endpoint's newest deliveries first, with their attempts. */
	@Transactional(readOnly = true)
	public List<WebhookDelivery> deliveries(Caller caller, UUID id, int limit) {
		requireAdmin(caller);
		return this.deliveries.latest(find(caller, id).id(), limit);
	}

	/**
	 * Sends a delivery's message again, with the same {@code webhook-id}, as a new
	 * delivery due now.
	 */
	public WebhookDelivery replay(Caller caller, UUID id, UUID deliveryId) {
		requireAdmin(caller);
		WebhookEndpoint endpoint = find(caller, id);
		if (this.deliveries.find(endpoint.id(), deliveryId).isEmpty()) {
			throw DomainException.notFound("Delivery " + deliveryId + " not found");
		}
		if (endpoint.disabledAt() != null) {
			throw DomainException.conflict("The webhook is disabled (" + endpoint.disabledReason()
					+ "); register the endpoint again to receive deliveries");
		}
		UUID replay = this.deliveries.replay(endpoint.id(), deliveryId, this.clock.instant());
		return this.deliveries.find(endpoint.id(), replay).orElseThrow();
	}

	private WebhookEndpoint find(Caller caller, UUID id) {
		return this.endpoints.find(caller.organizationId(), id).orElseThrow(() -> notFound(id));
	}

	static void requireAdmin(Caller caller) {
		if (!caller.isPartner() || !caller.hasRole(Role.REFERRALS_ADMIN)) {
			throw DomainException.accessDenied("Only a partner's Referrals admins manage webhooks");
		}
	}

	static URI parseUrl(String field, @Nullable String url) {
		if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
			throw DomainException.invalid(field, field + " is required, an https:// URL of at most 2000 characters");
		}
		try {
			URI uri = new URI(url.strip());
			if (uri.getFragment() != null) {
				throw DomainException.invalid(field, "The URL must not have a #fragment");
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw DomainException.invalid(field, "'" + url + "' is not a valid URL");
		}
	}

	static List<WebhookEvent> parseEvents(String field, @Nullable List<String> eventNames, List<WebhookEvent> allowed) {
		String names = String.join(", ", allowed.stream().map(WebhookEvent::eventName).toList());
		if (eventNames == null || eventNames.isEmpty()) {
			throw DomainException.invalid(field, field + " must name at least one of " + names);
		}
		Set<WebhookEvent> events = new LinkedHashSet<>();
		for (String name : eventNames) {
			events.add(WebhookEvent.named(name)
				.filter(allowed::contains)
				.orElseThrow(
						() -> DomainException.invalid(field, "'" + name + "' is not a webhook event; use " + names)));
		}
		return List.copyOf(events);
	}

	private static DomainException notFound(UUID id) {
		return DomainException.notFound("Webhook " + id + " not found");
	}

}
