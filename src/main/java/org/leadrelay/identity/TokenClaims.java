package org.leadrelay.identity;

import java.util.List;
import java.util.Set;

import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.jwt.BadJwtException;

/**
 * The claims LeadRelay puts into access tokens (the organization a client acts for) and
 * reads back into a {@link Caller}.
 */
final class TokenClaims {

	static final String ORGANIZATION = "org";

	static final String ORGANIZATION_KIND = "org_kind";

	static final String NAME = "client_name";

	private TokenClaims() {
	}

	/** Adds the client's organization to each token it is issued. */
	static OAuth2TokenCustomizer<JwtEncodingContext> customizer() {
		return context -> {
			var client = context.getRegisteredClient();
			context.getClaims()
				.claim(ORGANIZATION, (String) client.getClientSettings().getSetting(ApiClientRegistry.ORGANIZATION))
				.claim(ORGANIZATION_KIND,
						(String) client.getClientSettings().getSetting(ApiClientRegistry.ORGANIZATION_KIND))
				.claim(NAME, client.getClientName());
		};
	}

	/** Reads a verified token back into the caller it was issued to. */
	static Converter<Jwt, CallerAuthentication> converter() {
		return jwt -> {
			for (String claim : List.of(ORGANIZATION, ORGANIZATION_KIND, NAME)) {
				if (jwt.getClaimAsString(claim) == null) {
					throw new BadJwtException("The token has no " + claim + " claim");
				}
			}
			OrganizationKind kind = OrganizationKind.valueOf(jwt.getClaimAsString(ORGANIZATION_KIND));
			Role role = kind == OrganizationKind.VENDOR ? Role.VENDOR_ADMIN : Role.REFERRALS_ADMIN;
			Caller caller = new Caller(Caller.Kind.API_CLIENT, "client:" + jwt.getSubject(), jwt.getClaimAsString(NAME),
					OrganizationId.of(jwt.getClaimAsString(ORGANIZATION)), kind, Set.of(role));
			return new CallerAuthentication(caller, jwt);
		};
	}

}
