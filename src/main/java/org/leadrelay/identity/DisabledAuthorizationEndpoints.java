package org.leadrelay.identity;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationServerMetadata;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers {@code 404} for the authorization server's endpoints that LeadRelay does not
 * use: it issues tokens with the client credentials grant only, so just the token
 * endpoint, the key set and the server metadata are served. The authorization, device,
 * introspection, revocation and registration endpoints would otherwise answer, the
 * authorization endpoint with a 500.
 */
final class DisabledAuthorizationEndpoints extends OncePerRequestFilter {

	/**
	 * The disabled endpoints the server metadata would name; the authorization endpoint
	 * stays, as the metadata must have one.
	 */
	private static final List<String> UNADVERTISED = List.of("pushed_authorization_request_endpoint",
			"device_authorization_endpoint", "revocation_endpoint", "revocation_endpoint_auth_methods_supported",
			"introspection_endpoint", "introspection_endpoint_auth_methods_supported");

	private final RequestMatcher enabled;

	DisabledAuthorizationEndpoints(AuthorizationServerSettings settings) {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		this.enabled = new OrRequestMatcher(paths.matcher(settings.getTokenEndpoint()),
				paths.matcher(settings.getJwkSetEndpoint()), paths.matcher("/.well-known/oauth-authorization-server"),
				paths.matcher("/.well-known/oauth-authorization-server/**"));
	}

	/** Leaves the disabled endpoints out of the server metadata. */
	static void unadvertise(OAuth2AuthorizationServerMetadata.Builder metadata) {
		metadata.claims(claims -> UNADVERTISED.forEach(claims::remove));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.enabled.matches(request)) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		chain.doFilter(request, response);
	}

}
