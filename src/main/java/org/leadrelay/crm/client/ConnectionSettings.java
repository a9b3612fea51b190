package org.leadrelay.crm.client;

import java.util.UUID;

import org.leadrelay.crm.CrmKind;
import org.leadrelay.crm.FieldMapping;

/**
 * What a client needs to reach one organization's CRM. The secret is decrypted only for
 * the token request and never printed.
 *
 * @param instanceUrl the environment (Dynamics 365) or instance (Salesforce) URL, without
 * a trailing slash
 */
public record ConnectionSettings(UUID id, CrmKind kind, String instanceUrl, String tokenUrl, String clientId,
		String clientSecret, FieldMapping mapping) {

	@Override
	public String toString() {
		return "ConnectionSettings[id=" + this.id + ", kind=" + this.kind + ", instanceUrl=" + this.instanceUrl
				+ ", clientId=" + this.clientId + ", clientSecret=***]";
	}

}
