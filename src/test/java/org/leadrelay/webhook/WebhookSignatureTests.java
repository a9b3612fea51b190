package org.leadrelay.webhook;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signatures match the Standard Webhooks reference implementations, so receivers can
 * verify them with any of their libraries.
 */
class WebhookSignatureTests {

	static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";

	static final String BODY = "{\"test\": 2432232314}";

	@Test
	void theSpecificationsTestVectorIsReproduced() {
		assertThat(WebhookSignature.header(ID, 1614265330, BODY, List.of(new WebhookSecret(SECRET))))
			.isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

	@Test
	void duringARotationBothSecretsSignAndEitherVerifies() throws Exception {
		WebhookSecret fresh = WebhookSecret.generate();
		String header = WebhookSignature.header(ID, 1614265330, BODY, List.of(fresh, new WebhookSecret(SECRET)));

		assertThat(header.split(" ")).hasSize(2).allMatch(signature -> signature.startsWith("v1,"));
		Instant sent = Instant.ofEpochSecond(1614265330);
		assertThat(StandardWebhooksVerifier.verify(fresh.value(), ID, "1614265330", header, BODY, sent)).isTrue();
		assertThat(StandardWebhooksVerifier.verify(SECRET, ID, "1614265330", header, BODY, sent)).isTrue();
		assertThat(StandardWebhooksVerifier.verify(SECRET, ID, "1614265330", header, BODY + " ", sent)).isFalse();
		assertThat(StandardWebhooksVerifier.verify(SECRET, ID, "1614265330", header, BODY, sent.plusSeconds(301)))
			.isFalse();
	}

	@Test
	void aSecretNeverShowsInLogs() {
		WebhookSecret secret = WebhookSecret.generate();
		assertThat(secret.value()).startsWith("whsec_").hasSizeGreaterThan(30);
		assertThat(secret.toString()).doesNotContain(secret.value().substring(6));
	}

}
