package org.leadrelay.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts the secrets LeadRelay keeps in its database (the token-signing key, webhook
 * signing secrets, CRM client secrets) with AES-GCM under one master key,
 * {@code leadrelay.secrets.key}. A sealed value reads
 * {@code lr1:<key id>:<nonce and ciphertext, base64url>}; the context (which row it
 * belongs to) is its associated data, so a value copied into another row does not open.
 * <p>
 * Rotation: the new key goes into {@code leadrelay.secrets.key} and the old one into
 * {@code leadrelay.secrets.previous-keys}, which only decrypt; at start every stored
 * secret is re-encrypted under the new key ({@link SecretsAtRest}), after which the old
 * key can be dropped. On the embedded database a key is generated on the first start into
 * its data directory ({@value #KEY_FILE}, mode 0600); on an external database it must be
 * configured.
 */
@Component
public class Secrets {

	static final String KEY_FILE = "leadrelay-secrets.key";

	private static final Logger log = LoggerFactory.getLogger(Secrets.class);

	private static final String PREFIX = "lr1:";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom random = new SecureRandom();

	private final String currentId;

	private final Map<String, SecretKey> keys = new LinkedHashMap<>();

	@Autowired
	Secrets(@Value("${leadrelay.secrets.key:}") String key,
			@Value("${leadrelay.secrets.previous-keys:}") List<String> previousKeys,
			ObjectProvider<EmbeddedPostgresConfiguration.EmbeddedDatabase> embedded) {
		this(key.isBlank() ? generatedKey(embedded.getIfAvailable()) : key, previousKeys);
	}

	Secrets(String key, List<String> previousKeys) {
		SecretKey current = parse(key, "leadrelay.secrets.key");
		this.currentId = id(current);
		this.keys.put(this.currentId, current);
		for (String previous : previousKeys) {
			if (!previous.isBlank()) {
				SecretKey old = parse(previous, "leadrelay.secrets.previous-keys");
				this.keys.putIfAbsent(id(old), old);
			}
		}
	}

	/**
	 * The secret encrypted under the current key for the row named by {@code context}.
	 */
	public String seal(String secret, String context) {
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		byte[] sealed = run(Cipher.ENCRYPT_MODE, this.keys.get(this.currentId), context, nonce,
				secret.getBytes(StandardCharsets.UTF_8));
		byte[] stored = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
		return PREFIX + this.currentId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(stored);
	}

	/**
	 * The secret {@link #seal} encrypted for {@code context}, under the current or a
	 * previous key.
	 * @throws IllegalStateException when no configured key opens it
	 */
	public String open(String sealed, String context) {
		String[] parts = sealed.split(":", 3);
		SecretKey key = isSealed(sealed) && parts.length == 3 ? this.keys.get(parts[1]) : null;
		if (key == null) {
			throw unreadable(context);
		}
		byte[] stored;
		try {
			stored = Base64.getUrlDecoder().decode(parts[2]);
		}
		catch (IllegalArgumentException ex) {
			throw unreadable(context);
		}
		if (stored.length <= NONCE_BYTES) {
			throw unreadable(context);
		}
		ByteBuffer buffer = ByteBuffer.wrap(stored);
		byte[] nonce = new byte[NONCE_BYTES];
		buffer.get(nonce);
		byte[] ciphertext = new byte[buffer.remaining()];
		buffer.get(ciphertext);
		return new String(run(Cipher.DECRYPT_MODE, key, context, nonce, ciphertext), StandardCharsets.UTF_8);
	}

	/** Whether a stored value is sealed at all (rather than plain text from before). */
	public static boolean isSealed(String stored) {
		return stored.startsWith(PREFIX);
	}

	/** Whether a stored value is sealed under the current key, as it should be. */
	public boolean isCurrent(String stored) {
		return stored.startsWith(PREFIX + this.currentId + ":");
	}

	/**
	 * A stored value brought up to date: plain text (from before encryption) or sealed
	 * under a previous key, sealed under the current one.
	 */
	public String reseal(String stored, String context) {
		return seal(isSealed(stored) ? open(stored, context) : stored, context);
	}

	private static byte[] run(int mode, SecretKey key, String context, byte[] nonce, byte[] input) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(input);
		}
		catch (GeneralSecurityException ex) {
			if (mode == Cipher.DECRYPT_MODE) {
				throw unreadable(context);
			}
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	private static IllegalStateException unreadable(String context) {
		return new IllegalStateException("A stored secret (" + context + ") cannot be decrypted with "
				+ "leadrelay.secrets.key or leadrelay.secrets.previous-keys: was a key changed without keeping "
				+ "the old one in leadrelay.secrets.previous-keys?");
	}

	private static SecretKey parse(String configured, String property) {
		byte[] bytes;
		try {
			String value = configured.strip();
			bytes = (value.contains("-") || value.contains("_") ? Base64.getUrlDecoder() : Base64.getDecoder())
				.decode(value);
		}
		catch (IllegalArgumentException ex) {
			bytes = new byte[0];
		}
		if (bytes.length != 32) {
			throw new IllegalArgumentException(
					property + " must be 32 random bytes in base64, e.g. from 'openssl rand -base64 32'");
		}
		return new SecretKeySpec(bytes, "AES");
	}

	/** A short, stable name for a key that reveals nothing about it. */
	private static String id(SecretKey key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
			return HexFormat.of().formatHex(digest, 0, 4);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String generatedKey(EmbeddedPostgresConfiguration.@Nullable EmbeddedDatabase embedded) {
		if (embedded == null) {
			throw new MissingSetting("leadrelay.secrets.key",
					"LeadRelay runs on an external database (spring.datasource.url) and encrypts the secrets it "
							+ "stores there (token-signing key, webhook and CRM secrets) with this key",
					"Set leadrelay.secrets.key (LEADRELAY_SECRETS_KEY) to 32 random bytes in base64, e.g. from "
							+ "'openssl rand -base64 32', and keep it apart from the database and its backups");
		}
		Path file = embedded.dataDir().resolve(KEY_FILE);
		try {
			if (!Files.exists(file)) {
				byte[] key = new byte[32];
				random.nextBytes(key);
				SecretFiles.write(file, Base64.getEncoder().encodeToString(key));
				log.info("Generated the key that encrypts stored secrets into {}", file);
			}
			return SecretFiles.read(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
