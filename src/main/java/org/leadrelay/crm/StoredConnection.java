package org.leadrelay.crm;

import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.crm.client.ConnectionSettings;
import org.leadrelay.platform.OutboundAddressPolicy;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;

/**
 * A connection as stored, its client secret still encrypted.
 *
 * @param polledUntil the CRM's time up to which its changes were read, if any were
 */
record StoredConnection(UUID id, OrganizationId organizationId, CrmKind kind, String instanceUrl, String tokenUrl,
		String clientId, byte[] encryptedSecret, FieldMapping mapping, String createdBy, Instant createdAt,
		@Nullable Instant polledUntil, @Nullable Instant lastPolledAt, @Nullable String lastPollError) {

	CrmConnection view() {
		return new CrmConnection(this.id, this.kind, this.instanceUrl, this.tokenUrl, this.clientId, this.mapping,
				this.createdBy, this.createdAt, this.lastPolledAt, this.lastPollError);
	}

	ConnectionSettings settings(SecretCipher cipher) {
		return new ConnectionSettings(this.id, this.kind, this.instanceUrl, this.tokenUrl, this.clientId,
				cipher.decrypt(this.id, this.encryptedSecret), this.mapping);
	}

	/**
	 * Refuses the connection if its addresses are no longer allowed (the outbound address
	 * policy or DNS changed since it was stored).
	 */
	void requireAllowed(OutboundAddressPolicy policy) {
		policy.requireAllowed(URI.create(this.tokenUrl), "tokenUrl");
		policy.requireAllowed(URI.create(this.instanceUrl), "instanceUrl");
	}

	/**
	 * Who changes leads on the CRM's behalf: the organization's Referrals admin, as its
	 * API clients are, so the lifecycle rules apply as to anyone else; named after the
	 * CRM on the timeline.
	 */
	Caller asCaller() {
		return new Caller(Caller.Kind.API_CLIENT, "crm:" + this.id, this.kind.displayName(), this.organizationId,
				OrganizationKind.PARTNER, Set.of(Role.REFERRALS_ADMIN));
	}

}
