package org.leadrelay.identity;

import java.time.Duration;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.identity.ApiClients.StoredClient;
import org.leadrelay.partner.Organization;
import org.leadrelay.partner.Organizations;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * Presents the API clients to the authorization server: client credentials only, with the
 * organization a client acts for carried in its settings (and from there into its
 * tokens).
 */
@Component
class ApiClientRegistry implements RegisteredClientRepository {

	static final String ORGANIZATION = "leadrelay.organization";

	static final String ORGANIZATION_KIND = "leadrelay.organization-kind";

	private final ApiClients clients;

	private final Organizations organizations;

	private final Duration tokenTimeToLive;

	private final PasswordEncoder passwordEncoder;

	/** A hash of a secret nobody knows, checked in place of an unknown client's. */
	private final String unknownClientHash;

	ApiClientRegistry(ApiClients clients, Organizations organizations, IdentityProperties properties,
			PasswordEncoder passwordEncoder) {
		this.clients = clients;
		this.organizations = organizations;
		this.tokenTimeToLive = properties.accessTokenTimeToLive();
		this.passwordEncoder = passwordEncoder;
		this.unknownClientHash = passwordEncoder.encode(UUID.randomUUID().toString());
	}

	@Override
	public void save(RegisteredClient registeredClient) {
		throw new UnsupportedOperationException("API clients are registered through ApiClients");
	}

	@Override
	public @Nullable RegisteredClient findById(String id) {
		try {
			return this.clients.findById(UUID.fromString(id)).map(this::toRegisteredClient).orElse(null);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	@Override
	public @Nullable RegisteredClient findByClientId(String clientId) {
		RegisteredClient client = this.clients.findByClientId(clientId).map(this::toRegisteredClient).orElse(null);
		if (client == null) {
			// as long as checking a known client's secret, so that answers' timing does
			// not
			// tell which client ids exist
			this.passwordEncoder.matches(clientId, this.unknownClientHash);
		}
		return client;
	}

	private @Nullable RegisteredClient toRegisteredClient(StoredClient client) {
		Organization organization = this.organizations.find(client.organizationId()).orElse(null);
		if (organization == null) {
			return null;
		}
		return RegisteredClient.withId(client.id().toString())
			.clientId(client.clientId())
			.clientSecret(client.secretHash())
			.clientName(client.name())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.clientSettings(ClientSettings.builder()
				.setting(ORGANIZATION, organization.id().toString())
				.setting(ORGANIZATION_KIND, organization.kind().name())
				.build())
			.tokenSettings(TokenSettings.builder()
				.accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
				.accessTokenTimeToLive(this.tokenTimeToLive)
				.build())
			.build();
	}

}
