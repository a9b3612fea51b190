package org.leadrelay.webhook.api;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.leadrelay.platform.web.NoNullElements;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.webhook.RegisteredWebhook;
import org.leadrelay.webhook.WebhookDelivery;
import org.leadrelay.webhook.WebhookDelivery.Attempt;
import org.leadrelay.webhook.WebhookEndpoint;
import org.leadrelay.webhook.WebhookEvent;
import org.leadrelay.webhook.WebhookRegistrations;
import org.leadrelay.webhook.WebhookRegistrations.TestEvent;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reference Referrals API's webhook registration, for clients written against it:
 * {@code {"WebhookUrl", "WebhookEvents"}} in, {@code SubscriberId} added on the way out,
 * one registration per organization, and test events to follow by correlation id.
 */
@RestController
@RequestMapping("/webhooks/v1/registration")
@Tag(name = "Webhook registration (Referrals API style)")
class RegistrationController {

	private final WebhookRegistrations registrations;

	RegistrationController(WebhookRegistrations registrations) {
		this.registrations = registrations;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Register the organization's URL for events; 409 if it has a registration (use PUT). "
			+ "The answer carries the signing secret, shown only this once")
	RegistrationJson register(Caller caller, @RequestBody RegistrationRequest request) {
		RegisteredWebhook registered = this.registrations.register(caller, request.webhookUrl(),
				request.webhookEvents());
		return RegistrationJson.of(registered.endpoint(), registered.secret());
	}

	@GetMapping
	@Operation(summary = "The organization's registration (404 if none)")
	RegistrationJson get(Caller caller) {
		return RegistrationJson.of(this.registrations.get(caller), null);
	}

	@PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change the registration's URL and events (404 if none)")
	RegistrationJson update(Caller caller, @RequestBody RegistrationRequest request) {
		return RegistrationJson.of(this.registrations.update(caller, request.webhookUrl(), request.webhookEvents()),
				null);
	}

	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete the registration and its delivery log (404 if none)")
	void delete(Caller caller) {
		this.registrations.delete(caller);
	}

	@GetMapping("/events")
	@Operation(summary = "The events a registration can name")
	List<String> events() {
		return List.of(WebhookEvent.values()).stream().map(WebhookEvent::eventName).toList();
	}

	@PostMapping("/validationEvents")
	@Operation(summary = "Send a test-created event to the registered URL; returns its correlation id")
	CorrelationJson sendTestEvent(Caller caller) {
		return new CorrelationJson(this.registrations.sendTestEvent(caller).toString());
	}

	@GetMapping("/validationEvents/{correlationId}")
	@Operation(summary = "A test event's delivery: its status and every attempt")
	ValidationEventJson testEvent(Caller caller, @PathVariable String correlationId) {
		UUID id;
		try {
			id = UUID.fromString(correlationId);
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.notFound("Validation event not found");
		}
		return ValidationEventJson.of(this.registrations.testEvent(caller, id), caller);
	}

	/**
	 * The reference's registration body; its names are matched ignoring case, as the
	 * reference does. The reference's server-owned properties are accepted and ignored.
	 */
	@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
	record RegistrationRequest(@JsonProperty("WebhookUrl") @Nullable String webhookUrl,
			@JsonProperty("WebhookEvents") @NoNullElements @Nullable List<String> webhookEvents,
			@JsonProperty("SubscriberId") @Nullable JsonNode subscriberId,
			@JsonProperty("LastModifiedTimestamp") @Nullable JsonNode lastModifiedTimestamp,
			@JsonProperty("Properties") @Nullable JsonNode properties,
			@JsonProperty("SignatureTokenToMsSignatureHeader") @Nullable JsonNode signatureTokenToMsSignatureHeader) {
	}

	/**
	 * @param webhookSecret the Standard Webhooks signing secret ({@code whsec_...}), only
	 * in the answer to the registration
	 */
	record RegistrationJson(@JsonProperty("SubscriberId") String subscriberId,
			@JsonProperty("WebhookUrl") String webhookUrl, @JsonProperty("WebhookEvents") List<String> webhookEvents,
			@JsonProperty("WebhookSecret") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String webhookSecret) {

		static RegistrationJson of(WebhookEndpoint endpoint, @Nullable String secret) {
			return new RegistrationJson(endpoint.id().toString(), endpoint.url(),
					endpoint.events().stream().map(WebhookEvent::eventName).toList(), secret);
		}

	}

	record CorrelationJson(String correlationId) {
	}

	/**
	 * @param partnerId the organization's id
	 * @param status {@code pending}, {@code completed} (the receiver answered 2xx) or
	 * {@code failed} (given up)
	 * @param results one per attempt, oldest first
	 */
	record ValidationEventJson(String correlationId, String partnerId, String status, String callbackUrl,
			List<ResultJson> results) {

		static ValidationEventJson of(TestEvent event, Caller caller) {
			WebhookDelivery delivery = event.delivery();
			String status = switch (delivery.status()) {
				case PENDING -> "pending";
				case DELIVERED -> "completed";
				case FAILED -> "failed";
			};
			return new ValidationEventJson(event.correlationId().toString(), caller.organizationId().value().toString(),
					status, event.callbackUrl(), delivery.attempts().stream().map(ResultJson::of).toList());
		}

	}

	/**
	 * @param responseCode the receiver's HTTP status, if it answered
	 * @param responseMessage its reason phrase
	 * @param systemMessage why there was no answer (timeout, refused address, ...)
	 */
	record ResultJson(@Nullable String responseCode, @Nullable String responseMessage, @Nullable String systemMessage,
			String dateTimeUtc) {

		static ResultJson of(Attempt attempt) {
			Integer code = attempt.statusCode();
			HttpStatus status = code == null ? null : HttpStatus.resolve(code);
			return new ResultJson(code == null ? null : code.toString(),
					status == null ? null : status.getReasonPhrase(), attempt.error(),
					attempt.attemptedAt().toString());
		}

	}

}
