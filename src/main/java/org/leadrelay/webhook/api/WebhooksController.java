package org.leadrelay.webhook.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.leadrelay.platform.web.NoNullElements;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.webhook.RegisteredWebhook;
import org.leadrelay.webhook.WebhookDelivery;
import org.leadrelay.webhook.WebhookEndpoint;
import org.leadrelay.webhook.WebhookEvent;
import org.leadrelay.webhook.Webhooks;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Webhook endpoints for a partner's referrals: register, list, read, delete, rotate the
 * secret, and read and replay deliveries. For the partner's API clients (which act as its
 * Referrals admin).
 */
@RestController
@RequestMapping("/v1.0/webhooks")
@Tag(name = "Webhooks")
class WebhooksController {

	private static final int MAX_DELIVERIES = 200;

	private final Webhooks webhooks;

	WebhooksController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Register an HTTPS endpoint for referral-created and/or referral-updated; "
			+ "the answer carries the signing secret, shown only this once")
	ResponseEntity<RegisteredJson> register(Caller caller, @RequestBody RegisterRequest request) {
		RegisteredWebhook registered = this.webhooks.register(caller, request.url(), request.events());
		URI location = ServletUriComponentsBuilder.fromCurrentRequest()
			.path("/{id}")
			.buildAndExpand(registered.endpoint().id())
			.toUri();
		return ResponseEntity.created(location).body(RegisteredJson.of(registered));
	}

	@GetMapping
	@Operation(summary = "The organization's webhooks")
	WebhookListJson list(Caller caller) {
		return new WebhookListJson(this.webhooks.list(caller).stream().map(WebhookJson::of).toList());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One webhook (without its secret)")
	WebhookJson get(Caller caller, @PathVariable String id) {
		return WebhookJson.of(this.webhooks.get(caller, webhookId(id)));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a webhook and its delivery log")
	void delete(Caller caller, @PathVariable String id) {
		this.webhooks.delete(caller, webhookId(id));
	}

	@PostMapping("/{id}/rotate-secret")
	@Operation(summary = "Issue a new signing secret; the old one keeps signing alongside it for 24 hours")
	RegisteredJson rotateSecret(Caller caller, @PathVariable String id) {
		return RegisteredJson.of(this.webhooks.rotateSecret(caller, webhookId(id)));
	}

	@GetMapping("/{id}/deliveries")
	@Operation(summary = "The webhook's newest deliveries first, with every attempt and its status code")
	DeliveryListJson deliveries(Caller caller, @PathVariable String id,
			@RequestParam(name = "$top", defaultValue = "50") int top) {
		if (top < 1 || top > MAX_DELIVERIES) {
			throw DomainException.invalid("$top", "$top must be between 1 and " + MAX_DELIVERIES);
		}
		return new DeliveryListJson(
				this.webhooks.deliveries(caller, webhookId(id), top).stream().map(DeliveryJson::of).toList());
	}

	@PostMapping("/{id}/deliveries/{deliveryId}/replay")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Send a delivery's event again, with the same webhook-id, as a new delivery")
	DeliveryJson replay(Caller caller, @PathVariable String id, @PathVariable String deliveryId) {
		UUID delivery = uuid(deliveryId);
		if (delivery == null) {
			throw DomainException.notFound("Delivery not found");
		}
		return DeliveryJson.of(this.webhooks.replay(caller, webhookId(id), delivery));
	}

	/** A malformed id cannot name any webhook: it is not found, like another tenant's. */
	private static UUID webhookId(String id) {
		UUID uuid = uuid(id);
		if (uuid == null) {
			throw DomainException.notFound("Webhook not found");
		}
		return uuid;
	}

	private static @Nullable UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	record RegisterRequest(@Nullable String url, @NoNullElements @Nullable List<String> events) {
	}

	record RegisteredJson(String id, String url, List<String> events, String secret) {

		static RegisteredJson of(RegisteredWebhook registered) {
			WebhookEndpoint endpoint = registered.endpoint();
			return new RegisteredJson(endpoint.id().toString(), endpoint.url(), names(endpoint.events()),
					registered.secret());
		}

	}

	record WebhookListJson(List<WebhookJson> value) {
	}

	/**
	 * @param status {@code enabled}, or {@code disabled} once the receiver answered 410
	 */
	record WebhookJson(String id, String url, List<String> events, String createdDateTime, String status,
			@Nullable String disabledDateTime, @Nullable String disabledReason) {

		static WebhookJson of(WebhookEndpoint endpoint) {
			return new WebhookJson(endpoint.id().toString(), endpoint.url(), names(endpoint.events()),
					endpoint.createdAt().toString(), endpoint.disabledAt() == null ? "enabled" : "disabled",
					endpoint.disabledAt() == null ? null : endpoint.disabledAt().toString(), endpoint.disabledReason());
		}

	}

	record DeliveryListJson(List<DeliveryJson> value) {
	}

	/**
	 * @param messageId the {@code webhook-id} header: the same for every attempt and
	 * replay
	 */
	record DeliveryJson(String id, String messageId, String eventName, String status, String createdDateTime,
			@Nullable String nextAttemptDateTime, @Nullable String deliveredDateTime, @Nullable String replayOf,
			List<AttemptJson> attempts) {

		static DeliveryJson of(WebhookDelivery delivery) {
			return new DeliveryJson(delivery.id().toString(), delivery.messageId().toString(), delivery.eventName(),
					delivery.status().name().toLowerCase(Locale.ROOT), delivery.createdAt().toString(),
					text(delivery.nextAttemptAt()), text(delivery.deliveredAt()), text(delivery.replayOf()),
					delivery.attempts().stream().map(AttemptJson::of).toList());
		}

	}

	record AttemptJson(int number, String attemptedDateTime, @Nullable Integer statusCode, @Nullable String error,
			long durationMilliseconds) {

		static AttemptJson of(WebhookDelivery.Attempt attempt) {
			return new AttemptJson(attempt.number(), attempt.attemptedAt().toString(), attempt.statusCode(),
					attempt.error(), attempt.durationMillis());
		}

	}

	private static List<String> names(List<WebhookEvent> events) {
		return events.stream().map(WebhookEvent::eventName).toList();
	}

	private static @Nullable String text(@Nullable Object value) {
		return value == null ? null : value.toString();
	}

}
