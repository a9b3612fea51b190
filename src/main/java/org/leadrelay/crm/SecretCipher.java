package org.leadrelay.crm;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.leadrelay.platform.SealedColumn;
import org.leadrelay.platform.Secrets;
import org.leadrelay.shared.DomainException;

import org.springframework.stereotype.Component;

/**
 * Encrypts CRM client secrets at rest with LeadRelay's master key ({@link Secrets},
 * {@code leadrelay.secrets.key}), bound to their connection. Secrets stored by earlier
 * versions under {@code leadrelay.crm.encryption-key} (format byte 1, nonce, AES-GCM with
 * the connection id as associated data) are still read with that key, and re-encrypted
 * under the master key at start ({@link CrmSecretsAtRest}).
 */
@Component
class SecretCipher {

	private static final byte LEGACY_FORMAT = 1;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final Secrets secrets;

	private final @Nullable SecretKey legacyKey;

	SecretCipher(Secrets secrets, CrmProperties properties) {
		this.secrets = secrets;
		this.legacyKey = legacyKey(properties.encryptionKey());
	}

	/** The secret encrypted for storage. */
	byte[] encrypt(UUID connectionId, String secret) {
		return this.secrets.seal(secret, context(connectionId)).getBytes(StandardCharsets.UTF_8);
	}

	String decrypt(UUID connectionId, byte[] stored) {
		if (stored.length > 0 && stored[0] == LEGACY_FORMAT) {
			return decryptLegacy(connectionId, stored);
		}
		try {
			return this.secrets.open(new String(stored, StandardCharsets.UTF_8), context(connectionId));
		}
		catch (IllegalStateException ex) {
			throw unreadable("leadrelay.secrets.key");
		}
	}

	/** Whether a stored secret is encrypted under the current master key. */
	boolean isCurrent(byte[] stored) {
		return stored.length > 0 && stored[0] != LEGACY_FORMAT
				&& this.secrets.isCurrent(new String(stored, StandardCharsets.UTF_8));
	}

	private static String context(UUID connectionId) {
		return SealedColumn.context("crm_connection", connectionId);
	}

	private String decryptLegacy(UUID connectionId, byte[] stored) {
		if (this.legacyKey == null || stored.length <= 1 + NONCE_BYTES) {
			throw unreadable("leadrelay.crm.encryption-key");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.legacyKey, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
			cipher.updateAAD(ByteBuffer.allocate(16)
				.putLong(connectionId.getMostSignificantBits())
				.putLong(connectionId.getLeastSignificantBits())
				.array());
			return new String(cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES),
					StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw unreadable("leadrelay.crm.encryption-key");
		}
	}

	private static DomainException unreadable(String key) {
		return DomainException.conflict("The stored client secret cannot be decrypted with the configured " + key
				+ " (was the key changed?): delete the connection and connect the CRM again");
	}

	private static @Nullable SecretKey legacyKey(@Nullable String configured) {
		if (configured == null || configured.isBlank()) {
			return null;
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(configured.strip());
		}
		catch (IllegalArgumentException ex) {
			bytes = new byte[0];
		}
		if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
			throw new IllegalArgumentException(
					"leadrelay.crm.encryption-key must be 16, 24 or 32 random bytes in base64, as it was configured before");
		}
		return new SecretKeySpec(bytes, "AES");
	}

}
