package org.leadrelay.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a delivery the way a receiver does, written from the Standard Webhooks spec
 * alone (no LeadRelay code): the README shows the same method.
 */
final class StandardWebhooksVerifier {

	private StandardWebhooksVerifier() {
	}

	static boolean verify(String secret, String id, String timestamp, String signatures, String body, Instant now)
			throws GeneralSecurityException {
		if (Math.abs(now.getEpochSecond() - Long.parseLong(timestamp)) > 300) {
			return false;
		}
		byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
		for (String signature : signatures.split(" ")) {
			if (signature.startsWith("v1,")
					&& MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
				return true;
			}
		}
		return false;
	}

}
