package org.leadrelay.platform;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Stored secrets are sealed under the master key for their row; a rotated-out key still
 * opens them until they are re-sealed under the new one.
 */
@ExtendWith(OutputCaptureExtension.class)
public class SecretsTests {

	public static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

	public static final String OTHER_KEY = Base64.getEncoder()
		.encodeToString("fedcba9876543210fedcba9876543210".getBytes());

	public static Secrets secrets(String key, String... previousKeys) {
		return new Secrets(key, List.of(previousKeys));
	}

	@Test
	void aSealedSecretOpensOnlyForItsRow() {
		Secrets secrets = secrets(KEY);

		String sealed = secrets.seal("whsec_plain", "webhook_endpoint:1");

		assertThat(sealed).startsWith("lr1:").doesNotContain("whsec_plain");
		assertThat(secrets.open(sealed, "webhook_endpoint:1")).isEqualTo("whsec_plain");
		assertThat(secrets.seal("whsec_plain", "webhook_endpoint:1")).as("a fresh nonce").isNotEqualTo(sealed);
		assertThatIllegalStateException().isThrownBy(() -> secrets.open(sealed, "webhook_endpoint:2"));
		assertThatIllegalStateException().isThrownBy(() -> secrets(OTHER_KEY).open(sealed, "webhook_endpoint:1"))
			.withMessageContaining("leadrelay.secrets.previous-keys");
	}

	@Test
	void afterARotationThePreviousKeyOpensAndResealingMovesToTheNewKey() {
		String sealedUnderOld = secrets(KEY).seal("whsec_plain", "webhook_endpoint:1");
		Secrets rotated = secrets(OTHER_KEY, KEY);

		assertThat(rotated.open(sealedUnderOld, "webhook_endpoint:1")).isEqualTo("whsec_plain");
		assertThat(rotated.isCurrent(sealedUnderOld)).isFalse();
		String resealed = rotated.reseal(sealedUnderOld, "webhook_endpoint:1");
		assertThat(rotated.isCurrent(resealed)).isTrue();
		assertThat(secrets(OTHER_KEY).open(resealed, "webhook_endpoint:1")).as("the old key is no longer needed")
			.isEqualTo("whsec_plain");
		assertThat(rotated.reseal("plain from before", "webhook_endpoint:1"))
			.satisfies(sealed -> assertThat(rotated.open(sealed, "webhook_endpoint:1")).isEqualTo("plain from before"));
	}

	@Test
	void aMalformedKeyStopsTheStart() {
		assertThatIllegalArgumentException().isThrownBy(() -> secrets("c2hvcnQ="))
			.withMessageContaining("leadrelay.secrets.key must be 32 random bytes");
		assertThatIllegalArgumentException().isThrownBy(() -> secrets(KEY, "nope"))
			.withMessageContaining("leadrelay.secrets.previous-keys");
	}

	@Test
	void onAnExternalDatabaseAStartWithoutAKeyFailsSayingWhatToSet(CapturedOutput output) {
		SpringApplication application = new SpringApplication(Secrets.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(Map.of("spring.datasource.url", "jdbc:postgresql://db/leadrelay"));

		assertThatThrownBy(application::run).hasRootCauseInstanceOf(MissingSetting.class);
		assertThat(output).contains("APPLICATION FAILED TO START", "leadrelay.secrets.key is not set",
				"external database", "Set leadrelay.secrets.key (LEADRELAY_SECRETS_KEY)", "openssl rand -base64 32");
	}

}
