package org.leadrelay.crm;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * CRM connector settings ({@code leadrelay.crm.*}).
 *
 * @param encryptionKey the AES key that encrypts client secrets at rest: 16, 24 or 32
 * random bytes in base64; without it no connection can be stored
 * @param pushInterval how often leads waiting to be sent to their CRM are sent
 * @param pollInterval how often each connection is asked for changed opportunities
 * @param timeout to connect to a CRM, and to wait for its answer
 * @param retryDelays the waits between attempts to send a lead; it fails for good after
 * the last (until someone presses Retry or the lead changes again)
 * @param retryJitter how much each wait varies at random, as a fraction
 * @param concurrency leads sent at once per node
 * @param pollBatchSize changed opportunities read per connection and poll at most
 * @param logRetention how long sync log entries are kept
 */
@ConfigurationProperties("leadrelay.crm")
record CrmProperties(@Nullable String encryptionKey, @DefaultValue("PT2S") Duration pushInterval,
		@DefaultValue("PT1M") Duration pollInterval, @DefaultValue("PT10S") Duration timeout, @DefaultValue( {
				"PT10S", "PT1M", "PT5M", "PT30M", "PT2H", "PT6H", "PT24H" }) List<Duration> retryDelays,
		@DefaultValue("0.1") double retryJitter, @DefaultValue("4") int concurrency,
		@DefaultValue("500") int pollBatchSize, @DefaultValue("P30D") Duration logRetention){

	CrmProperties {
		retryDelays = List.copyOf(retryDelays);
		if (retryDelays.isEmpty()) {
			throw new IllegalArgumentException("leadrelay.crm.retry-delays needs at least one delay");
		}
		if (retryJitter < 0 || retryJitter >= 1) {
			throw new IllegalArgumentException("leadrelay.crm.retry-jitter must be at least 0 and below 1");
		}
		if (concurrency < 1 || pollBatchSize < 1) {
			throw new IllegalArgumentException(
					"leadrelay.crm.concurrency and leadrelay.crm.poll-batch-size must be at least 1");
		}
	}

}
