package org.leadrelay.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery settings ({@code leadrelay.webhooks.*}).
 *
 * @param pollInterval how often due deliveries are sent
 * @param timeout to connect, and to wait for the answer
 * @param retryDelays the waits between attempts; a delivery is given up after the last
 * @param retryJitter how much each wait varies at random, as a fraction (0.1 = ±10%)
 * @param concurrency deliveries sent at once per node
 * @param perEndpointConcurrency deliveries in flight to one endpoint at most, on all
 * nodes together
 * @param perOrganizationConcurrency deliveries in flight to one organization's endpoints
 * at most, on all nodes together: below {@code concurrency}, so a slow organization
 * always leaves slots to the others
 * @param previousSecretValidity how long a rotated-out secret keeps signing
 * @param deliveryRetention how long finished deliveries stay in the log
 * @param maxEndpoints endpoints per organization at most
 */
@ConfigurationProperties("leadrelay.webhooks")
record WebhookProperties(@DefaultValue("PT2S") Duration pollInterval, @DefaultValue("PT10S") Duration timeout,
		@DefaultValue( {
				"PT5S", "PT5M", "PT30M", "PT2H", "PT5H", "PT10H", "PT24H" }) List<Duration> retryDelays,
		@DefaultValue("0.1") double retryJitter, @DefaultValue("8") int concurrency,
		@DefaultValue("PT24H") Duration previousSecretValidity, @DefaultValue("P30D") Duration deliveryRetention,
		@DefaultValue("20") int maxEndpoints, @DefaultValue("2") int perEndpointConcurrency,
		@DefaultValue("4") int perOrganizationConcurrency){

	WebhookProperties {
		retryDelays = List.copyOf(retryDelays);
		if (retryJitter < 0 || retryJitter >= 1) {
			throw new IllegalArgumentException("leadrelay.webhooks.retry-jitter must be at least 0 and below 1");
		}
		if (concurrency < 1) {
			throw new IllegalArgumentException("leadrelay.webhooks.concurrency must be at least 1");
		}
		if (perEndpointConcurrency < 1 || perOrganizationConcurrency < 1) {
			throw new IllegalArgumentException(
					"leadrelay.webhooks.per-endpoint-concurrency and per-organization-concurrency must be at least 1");
		}
	}

}
