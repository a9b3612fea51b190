package org.leadrelay.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Verifies each access token's signature once, not on every request: an integration sends
 * the same token for up to its lifetime, and checking an RSA signature and converting the
 * claims took a measurable share of each API request. A cached token leaves the cache
 * when it expires; when the cache is full, Caffeine evicts the tokens least likely to be
 * used again.
 */
final class VerifiedTokenCache implements JwtDecoder {

	static final int MAX_TOKENS = 10_000;

	private final JwtDecoder decoder;

	private final Clock clock;

	private final Cache<String, Jwt> verified;

	VerifiedTokenCache(JwtDecoder decoder, Clock clock) {
		this.decoder = decoder;
		this.clock = clock;
		// evicting on the calling thread: a few microseconds, and no pool to share
		this.verified = Caffeine.newBuilder()
			.maximumSize(MAX_TOKENS)
			.ticker(new ClockTicker(clock))
			.executor(Runnable::run)
			.expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> untilExpiry(jwt)))
			.build();
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt jwt = this.verified.getIfPresent(token);
		if (jwt != null) {
			return jwt;
		}
		jwt = this.decoder.decode(token);
		if (jwt.getExpiresAt() != null) {
			this.verified.put(token, jwt);
		}
		return jwt;
	}

	private Duration untilExpiry(Jwt jwt) {
		Instant expiresAt = jwt.getExpiresAt();
		Duration left = expiresAt == null ? Duration.ZERO : Duration.between(this.clock.instant(), expiresAt);
		return left.isNegative() ? Duration.ZERO : left;
	}

}
