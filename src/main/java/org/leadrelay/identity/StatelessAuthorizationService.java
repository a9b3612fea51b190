package org.leadrelay.identity;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps no record of issued tokens. LeadRelay only issues self-contained JWTs for the
 * client credentials grant, which need no later lookup; storing each one (the default
 * keeps them in memory) would grow without bound and differ between nodes.
 */
class StatelessAuthorizationService implements OAuth2AuthorizationService {

	@Override
	public void save(OAuth2Authorization authorization) {
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
	}

	@Override
	public @Nullable OAuth2Authorization findById(String id) {
		return null;
	}

	@Override
	public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
		return null;
	}

}
