package org.leadrelay.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a delivery per the Standard Webhooks spec: HMAC-SHA256 of
 * {@code <webhook-id>.<webhook-timestamp>.<body>}, base64, as {@code v1,<signature>}.
 * While a rotated-out secret is still valid the header carries both signatures,
 * space-separated; receivers accept a delivery when any one matches.
 */
final class WebhookSignature {

	private WebhookSignature() {
	}

	static String header(String messageId, long timestamp, String body, List<WebhookSecret> secrets) {
		byte[] content = (messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8);
		return secrets.stream()
			.map(secret -> "v1," + Base64.getEncoder().encodeToString(hmac(secret.key(), content)))
			.collect(Collectors.joining(" "));
	}

	private static byte[] hmac(byte[] key, byte[] content) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(content);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
