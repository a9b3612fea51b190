package org.leadrelay.crm;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Client secrets are encrypted with AES-GCM under the configured key, bound to their
 * connection; without a key nothing is stored, with a malformed one LeadRelay does not
 * start.
 */
class SecretCipherTests {

	static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

	final SecretCipher cipher = cipher(KEY);

	@Test
	void aSecretComesBackOnlyForItsConnection() {
		UUID connection = UUID.randomUUID();

		byte[] sealed = this.cipher.encrypt(connection, "s3cr3t-value");

		assertThat(this.cipher.decrypt(connection, sealed)).isEqualTo("s3cr3t-value");
		assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("s3cr3t");
		assertThat(this.cipher.encrypt(connection, "s3cr3t-value")).as("a fresh nonce each time").isNotEqualTo(sealed);
		assertUnreadable(() -> this.cipher.decrypt(UUID.randomUUID(), sealed));
		sealed[sealed.length - 1] ^= 1;
		assertUnreadable(() -> this.cipher.decrypt(connection, sealed));
	}

	@Test
	void anotherKeyCannotReadIt() {
		UUID connection = UUID.randomUUID();
		byte[] sealed = this.cipher.encrypt(connection, "s3cr3t-value");
		byte[] otherKey = new byte[32];
		otherKey[0] = 1;

		assertUnreadable(() -> cipher(Base64.getEncoder().encodeToString(otherKey)).decrypt(connection, sealed));
	}

	@Test
	void withoutAKeyNoSecretIsStoredAndTheReasonIsSaid() {
		SecretCipher none = cipher(null);

		assertThat(none.hasKey()).isFalse();
		assertThatThrownBy(() -> none.encrypt(UUID.randomUUID(), "s3cr3t-value"))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.CONFLICT))
			.hasMessageContaining("never stores them unencrypted")
			.hasMessageContaining("leadrelay.crm.encryption-key");
	}

	@Test
	void aKeyOfTheWrongSizeStopsTheStart() {
		for (String key : List.of("not base64!", Base64.getEncoder().encodeToString(new byte[20]))) {
			assertThatThrownBy(() -> cipher(key)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("16, 24 or 32 random bytes in base64");
		}
	}

	private static void assertUnreadable(org.assertj.core.api.ThrowableAssert.ThrowingCallable decrypt) {
		assertThatThrownBy(decrypt).isInstanceOf(DomainException.class).hasMessageContaining("cannot be decrypted");
	}

	private static SecretCipher cipher(String key) {
		return new SecretCipher(new CrmProperties(key, Duration.ofSeconds(2), Duration.ofMinutes(1),
				Duration.ofSeconds(10), List.of(Duration.ofSeconds(10)), 0.1, 4, 500, Duration.ofDays(30)));
	}

}
