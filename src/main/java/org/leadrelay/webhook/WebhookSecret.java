package org.leadrelay.webhook;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A signing secret in the Standard Webhooks format: {@code whsec_} followed by 24 random
 * bytes in base64. The bytes, not the text, are the HMAC key.
 */
record WebhookSecret(String value) {

	private static final String PREFIX = "whsec_";

	private static final SecureRandom random = new SecureRandom();

	static WebhookSecret generate() {
		byte[] key = new byte[24];
		random.nextBytes(key);
		return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key));
	}

	byte[] key() {
		return Base64.getDecoder().decode(this.value.substring(PREFIX.length()));
	}

	@Override
	public String toString() {
		return PREFIX + "***";
	}

}
