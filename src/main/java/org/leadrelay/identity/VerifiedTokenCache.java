package org.leadrelay.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Verifies each access token's signature once, not on every request: an integration sends
 * the same token for up to its lifetime, and checking an RSA signature and converting the
 * claims took a measurable share of each API request. A cached token is still refused
 * once it expires. The cache is bounded; when full it starts over.
 */
final class VerifiedTokenCache implements JwtDecoder {

	private static final int MAX_TOKENS = 10_000;

	private final JwtDecoder decoder;

	private final Clock clock;

	private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

	VerifiedTokenCache(JwtDecoder decoder, Clock clock) {
		this.decoder = decoder;
		this.clock = clock;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt jwt = this.verified.get(token);
		Instant now = this.clock.instant();
		if (jwt != null && jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt())) {
			return jwt;
		}
		this.verified.remove(token);
		jwt = this.decoder.decode(token);
		if (this.verified.size() >= MAX_TOKENS) {
			this.verified.clear();
		}
		if (jwt.getExpiresAt() != null) {
			this.verified.put(token, jwt);
		}
		return jwt;
	}

}
