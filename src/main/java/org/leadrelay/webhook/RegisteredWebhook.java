package org.leadrelay.webhook;

/**
 * An endpoint with its new signing secret, answered once: when it is registered and when
 * its secret is rotated.
 *
 * @param secret {@code whsec_...}, to verify signatures with
 */
public record RegisteredWebhook(WebhookEndpoint endpoint, String secret) {

	@Override
	public String toString() {
		return "RegisteredWebhook[endpoint=" + this.endpoint + ", secret=***]";
	}

}
