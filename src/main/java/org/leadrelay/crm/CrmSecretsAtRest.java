package org.leadrelay.crm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * At start, re-encrypts the client secrets that are not under the current master key:
 * those of earlier versions ({@code leadrelay.crm.encryption-key}) and those sealed under
 * a key since rotated into {@code leadrelay.secrets.previous-keys}.
 */
@Component
class CrmSecretsAtRest implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(CrmSecretsAtRest.class);

	private final ConnectionRepository connections;

	private final SecretCipher cipher;

	CrmSecretsAtRest(ConnectionRepository connections, SecretCipher cipher) {
		this.connections = connections;
		this.cipher = cipher;
	}

	@Override
	public void afterPropertiesSet() {
		int updated = 0;
		for (ConnectionRepository.StoredSecret stored : this.connections.storedSecrets()) {
			if (!this.cipher.isCurrent(stored.secret())) {
				byte[] resealed = this.cipher.encrypt(stored.id(), this.cipher.decrypt(stored.id(), stored.secret()));
				updated += this.connections.replaceSecret(stored.id(), stored.secret(), resealed) ? 1 : 0;
			}
		}
		if (updated > 0) {
			log.info("Re-encrypted {} CRM client secret(s) under leadrelay.secrets.key", updated);
		}
	}

}
