package org.leadrelay.crm;

import org.jspecify.annotations.Nullable;

/**
 * What connecting a CRM takes, as given (checked by {@link CrmConnections}).
 *
 * @param kind {@code dynamics365} or {@code salesforce}
 * @param instanceUrl the Dynamics 365 environment URL or the Salesforce instance (My
 * Domain) URL
 * @param tokenUrl the OAuth 2.0 token endpoint
 * @param fieldMapping the field mapping, or null for the defaults of the kind
 */
public record CrmConnectionRequest(@Nullable String kind, @Nullable String instanceUrl, @Nullable String tokenUrl,
		@Nullable String clientId, @Nullable String clientSecret, @Nullable FieldMapping fieldMapping) {

	@Override
	public String toString() {
		return "CrmConnectionRequest[kind=" + this.kind + ", instanceUrl=" + this.instanceUrl + ", tokenUrl="
				+ this.tokenUrl + ", clientId=" + this.clientId + ", clientSecret=***]";
	}

}
