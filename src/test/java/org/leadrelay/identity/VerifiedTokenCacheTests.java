package org.leadrelay.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.leadrelay.testing.MutableClock;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokenCacheTests {

	final MutableClock clock = new MutableClock();

	final AtomicInteger verifications = new AtomicInteger();

	@Test
	void aTokenIsVerifiedOnceUntilItExpires() {
		Instant expiry = this.clock.instant().plus(Duration.ofMinutes(30));
		JwtDecoder cache = new VerifiedTokenCache(token -> verify(token, expiry), this.clock);

		cache.decode("a");
		cache.decode("a");
		cache.decode("b");

		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void anExpiredTokenIsVerifiedAgainAndRefused() {
		Instant expiry = this.clock.instant().plus(Duration.ofMinutes(30));
		JwtDecoder cache = new VerifiedTokenCache(token -> {
			if (this.verifications.get() > 0) {
				throw new BadJwtException("expired");
			}
			return verify(token, expiry);
		}, this.clock);
		cache.decode("a");

		this.clock.advance(Duration.ofMinutes(31));

		assertThatThrownBy(() -> cache.decode("a")).isInstanceOf(BadJwtException.class);
	}

	@Test
	void anInvalidTokenIsNeverCached() {
		JwtDecoder cache = new VerifiedTokenCache(token -> {
			this.verifications.incrementAndGet();
			throw new BadJwtException("bad signature");
		}, this.clock);

		assertThatThrownBy(() -> cache.decode("x")).isInstanceOf(BadJwtException.class);
		assertThatThrownBy(() -> cache.decode("x")).isInstanceOf(BadJwtException.class);
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void aTokenInUseStaysVerifiedWhileMoreThanTheCacheHoldsPassThrough() {
		Instant expiry = this.clock.instant().plus(Duration.ofMinutes(30));
		AtomicInteger hotVerifications = new AtomicInteger();
		JwtDecoder cache = new VerifiedTokenCache(token -> {
			if (token.equals("hot")) {
				hotVerifications.incrementAndGet();
			}
			return verify(token, expiry);
		}, this.clock);
		for (int i = 0; i < 5; i++) {
			cache.decode("hot");
		}

		for (int i = 0; i < 2 * VerifiedTokenCache.MAX_TOKENS; i++) {
			cache.decode("once-" + i);
			if (i % 1000 == 0) {
				cache.decode("hot");
			}
		}

		assertThat(hotVerifications).as("verified once, never evicted").hasValue(1);
		assertThat(this.verifications).hasValue(1 + 2 * VerifiedTokenCache.MAX_TOKENS);
	}

	@Test
	void worksWithTheApplicationsClockThatTicksInMicroseconds() {
		Clock microseconds = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
		JwtDecoder cache = new VerifiedTokenCache(token -> verify(token, microseconds.instant().plusSeconds(60)),
				microseconds);

		cache.decode("a");
		cache.decode("a");

		assertThat(this.verifications).hasValue(1);
	}

	private Jwt verify(String token, Instant expiry) {
		this.verifications.incrementAndGet();
		return Jwt.withTokenValue(token).header("alg", "RS256").subject(token).expiresAt(expiry).build();
	}

}
