package org.leadrelay.identity;

import java.util.Optional;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;

import com.nimbusds.jose.jwk.RSAKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;
import org.leadrelay.platform.SealedColumn;
import org.leadrelay.platform.Secrets;
import org.leadrelay.platform.SecretsAtRest;

/**
 * The RSA key that signs access tokens. Created on the first start and kept in the
 * database, so every node on the same database issues and accepts the same tokens; its
 * private half only encrypted ({@link Secrets}: whoever reads the database cannot forge
 * tokens). Loaded after {@link SecretsAtRest} encrypted a key stored before that.
 */
@Component
@DependsOn("secretsAtRest")
class TokenSigningKey {

	private static final Logger log = LoggerFactory.getLogger(TokenSigningKey.class);

	private static final String KEY_ID = "leadrelay-1";

	private static final String CONTEXT = SealedColumn.context("token_signing_key", KEY_ID);

	private final RSAKey key;

	TokenSigningKey(TokenSigningKeyRepository repository, Clock clock, Secrets secrets) {
		this.key = load(repository, secrets).orElseGet(() -> create(repository, clock, secrets));
	}

	@Bean
	static SealedColumn tokenSigningKeyColumn() {
		return new SealedColumn("token_signing_key", "id", "private_key");
	}

	RSAKey key() {
		return this.key;
	}

	private static Optional<RSAKey> load(TokenSigningKeyRepository repository, Secrets secrets) {
		return repository.find(KEY_ID)
			.map(stored -> toKey(secrets.open(stored.sealedPrivateKey(), CONTEXT), stored.publicKey()));
	}

	private static RSAKey create(TokenSigningKeyRepository repository, Clock clock, Secrets secrets) {
		KeyPair pair = generate();
		boolean inserted = repository.insertIfAbsent(KEY_ID,
				secrets.seal(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()), CONTEXT),
				Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()), clock.instant());
		if (inserted) {
			log.info("Created the token signing key {}", KEY_ID);
		}
		// Another node may have won the race: whatever is stored now is the key.
		return load(repository, secrets).orElseThrow();
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey toKey(String privateKey, String publicKey) {
		try {
			KeyFactory factory = KeyFactory.getInstance("RSA");
			RSAPrivateKey privateRsa = (RSAPrivateKey) factory
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey)));
			RSAPublicKey publicRsa = (RSAPublicKey) factory
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
			return new RSAKey.Builder(publicRsa).privateKey(privateRsa).keyID(KEY_ID).build();
		}
		catch (NoSuchAlgorithmException | InvalidKeySpecException ex) {
			throw new IllegalStateException("The stored token signing key cannot be read", ex);
		}
	}

}
