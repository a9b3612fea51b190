package org.leadrelay.webhook;

import java.util.List;
import java.util.UUID;

/**
 * A delivery claimed for an attempt, with what it takes to send it.
 *
 * @param attempts how many attempts were made before this one
 * @param secrets the secrets to sign with: the current one, and a rotated-out one while
 * it is still valid
 */
record DueDelivery(UUID id, UUID endpointId, String url, UUID messageId, String payload, int attempts,
		List<WebhookSecret> secrets) {

}
