package org.leadrelay.crm;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.leadrelay.platform.SecretsTests;
import org.leadrelay.shared.DomainException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Client secrets are encrypted under LeadRelay's master key, bound to their connection;
 * those stored by earlier versions under {@code leadrelay.crm.encryption-key} are still
 * read, and are due for re-encryption.
 */
class SecretCipherTests {

	static final String LEGACY_KEY = Base64.getEncoder().encodeToString(new byte[32]);

	final SecretCipher cipher = cipher(SecretsTests.KEY, LEGACY_KEY);

	@Test
	void aSecretComesBackOnlyForItsConnection() {
		UUID connection = UUID.randomUUID();

		byte[] sealed = this.cipher.encrypt(connection, "s3cr3t-value");

		assertThat(this.cipher.decrypt(connection, sealed)).isEqualTo("s3cr3t-value");
		assertThat(this.cipher.isCurrent(sealed)).isTrue();
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("s3cr3t");
		assertThat(this.cipher.encrypt(connection, "s3cr3t-value")).as("a fresh nonce each time").isNotEqualTo(sealed);
		assertUnreadable(() -> this.cipher.decrypt(UUID.randomUUID(), sealed));
		sealed[sealed.length - 1] ^= 1;
		assertUnreadable(() -> this.cipher.decrypt(connection, sealed));
	}

	@Test
	void anotherKeyCannotReadIt() {
		UUID connection = UUID.randomUUID();
		byte[] sealed = this.cipher.encrypt(connection, "s3cr3t-value");

		assertUnreadable(() -> cipher(SecretsTests.OTHER_KEY, null).decrypt(connection, sealed));
	}

	@Test
	void aSecretOfAnEarlierVersionIsReadWithTheOldKeyAndDueForReEncryption() throws Exception {
		UUID connection = UUID.randomUUID();
		byte[] legacy = legacy(connection, "s3cr3t-value");

		assertThat(this.cipher.decrypt(connection, legacy)).isEqualTo("s3cr3t-value");
		assertThat(this.cipher.isCurrent(legacy)).isFalse();
		assertThatThrownBy(() -> cipher(SecretsTests.KEY, null).decrypt(connection, legacy))
			.isInstanceOf(DomainException.class)
			.hasMessageContaining("leadrelay.crm.encryption-key");
	}

	@Test
	void anOldKeyOfTheWrongSizeStopsTheStart() {
		for (String key : List.of("not base64!", Base64.getEncoder().encodeToString(new byte[20]))) {
			assertThatThrownBy(() -> cipher(SecretsTests.KEY, key)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("16, 24 or 32 random bytes in base64");
		}
	}

	/** What earlier versions stored: format 1, nonce, AES-GCM with the id as AAD. */
	private static byte[] legacy(UUID connection, String secret) throws Exception {
		byte[] nonce = new byte[12];
		nonce[0] = 7;
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(LEGACY_KEY), "AES"),
				new GCMParameterSpec(128, nonce));
		cipher.updateAAD(ByteBuffer.allocate(16)
			.putLong(connection.getMostSignificantBits())
			.putLong(connection.getLeastSignificantBits())
			.array());
		byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
		return ByteBuffer.allocate(1 + 12 + sealed.length).put((byte) 1).put(nonce).put(sealed).array();
	}

	private static void assertUnreadable(org.assertj.core.api.ThrowableAssert.ThrowingCallable decrypt) {
		assertThatThrownBy(decrypt).isInstanceOf(DomainException.class).hasMessageContaining("cannot be decrypted");
	}

	private static SecretCipher cipher(String key, String legacyKey) {
		return new SecretCipher(SecretsTests.secrets(key),
				new CrmProperties(legacyKey, Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofSeconds(10),
						List.of(Duration.ofSeconds(10)), 0.1, 4, 500, Duration.ofDays(30)));
	}

}
