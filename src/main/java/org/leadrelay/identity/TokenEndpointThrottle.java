package org.leadrelay.identity;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles the token endpoint per client address and per client id, known or not (see
 * {@code leadrelay.security.token-endpoint.*}): over either budget a request is answered
 * {@code 429} with {@code Retry-After} and an OAuth2 error ({@code slow_down}) before its
 * secret is checked, so secrets cannot be guessed at speed. Budgets are kept per node.
 */
final class TokenEndpointThrottle extends OncePerRequestFilter {

	/** Longer ids are throttled under their first this many characters. */
	private static final int MAX_KEY_LENGTH = 200;

	private final Cache<String, TokenBucket> buckets = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterAccess(Duration.ofHours(1))
		.build();

	private final RequestMatcher tokenEndpoint;

	private final IdentityProperties.TokenEndpoint limits;

	private final JsonMapper json;

	private final LongSupplier nanoTime;

	TokenEndpointThrottle(RequestMatcher tokenEndpoint, IdentityProperties.TokenEndpoint limits, JsonMapper json,
			LongSupplier nanoTime) {
		this.tokenEndpoint = tokenEndpoint;
		this.limits = limits;
		this.json = json;
		this.nanoTime = nanoTime;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.tokenEndpoint.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long retryAfter = take("address:" + request.getRemoteAddr(), this.limits.addressBurst(),
				this.limits.addressPerMinute());
		String clientId = clientId(request);
		if (retryAfter == 0 && clientId != null) {
			retryAfter = take("client:" + clientId, this.limits.clientBurst(), this.limits.clientPerMinute());
		}
		if (retryAfter > 0) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter));
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			this.json.writeValue(response.getOutputStream(), Map.of("error", "slow_down", "error_description",
					"Too many token requests; retry after " + retryAfter + " s"));
			return;
		}
		chain.doFilter(request, response);
	}

	private long take(String key, int burst, int perMinute) {
		String bounded = key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
		return this.buckets.get(bounded, k -> new TokenBucket(burst, perMinute / 60d, this.nanoTime)).tryTake();
	}

	/** The client id of HTTP Basic authentication or of the {@code client_id} field. */
	private static @Nullable String clientId(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String credentials = new String(Base64.getDecoder().decode(header.substring(6).strip()),
						StandardCharsets.UTF_8);
				int colon = credentials.indexOf(':');
				return colon < 0 ? null : URLDecoder.decode(credentials.substring(0, colon), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		return request.getParameter("client_id");
	}

}
