package org.leadrelay.crm;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.DomainException;

import org.springframework.stereotype.Component;

/**
 * Encrypts CRM client secrets at rest with AES-GCM under
 * {@code leadrelay.crm.encryption-key}. Every secret gets a fresh random nonce and is
 * bound to its connection (the connection id is the associated data), so a ciphertext
 * copied into another row does not decrypt. Without a key nothing can be encrypted, so no
 * secret is stored at all.
 */
@Component
class SecretCipher {

	static final String NO_KEY = "LeadRelay has no key to encrypt CRM client secrets with, and it never stores "
			+ "them unencrypted: the operator sets leadrelay.crm.encryption-key (32 random bytes in base64, "
			+ "e.g. from 'openssl rand -base64 32') and restarts LeadRelay";

	private static final byte FORMAT = 1;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom random = new SecureRandom();

	private final @Nullable SecretKey key;

	SecretCipher(CrmProperties properties) {
		this.key = key(properties.encryptionKey());
	}

	boolean hasKey() {
		return this.key != null;
	}

	/** The secret encrypted for storage: format byte, nonce, ciphertext with its tag. */
	byte[] encrypt(UUID connectionId, String secret) {
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		byte[] sealed = run(Cipher.ENCRYPT_MODE, connectionId, nonce, secret.getBytes(StandardCharsets.UTF_8));
		return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(FORMAT).put(nonce).put(sealed).array();
	}

	String decrypt(UUID connectionId, byte[] stored) {
		if (stored.length <= 1 + NONCE_BYTES || stored[0] != FORMAT) {
			throw unreadable();
		}
		ByteBuffer buffer = ByteBuffer.wrap(stored, 1, stored.length - 1);
		byte[] nonce = new byte[NONCE_BYTES];
		buffer.get(nonce);
		byte[] sealed = new byte[buffer.remaining()];
		buffer.get(sealed);
		return new String(run(Cipher.DECRYPT_MODE, connectionId, nonce, sealed), StandardCharsets.UTF_8);
	}

	private byte[] run(int mode, UUID connectionId, byte[] nonce, byte[] input) {
		if (this.key == null) {
			throw DomainException.conflict(NO_KEY);
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(ByteBuffer.allocate(16)
				.putLong(connectionId.getMostSignificantBits())
				.putLong(connectionId.getLeastSignificantBits())
				.array());
			return cipher.doFinal(input);
		}
		catch (GeneralSecurityException ex) {
			if (mode == Cipher.DECRYPT_MODE) {
				throw unreadable();
			}
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	private static DomainException unreadable() {
		return DomainException.conflict("The stored client secret cannot be decrypted with the configured "
				+ "leadrelay.crm.encryption-key (was the key changed?): delete the connection and connect the CRM again");
	}

	private static @Nullable SecretKey key(@Nullable String configured) {
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
					"leadrelay.crm.encryption-key must be 16, 24 or 32 random bytes in base64, e.g. from 'openssl rand -base64 32'");
		}
		return new SecretKeySpec(bytes, "AES");
	}

}
