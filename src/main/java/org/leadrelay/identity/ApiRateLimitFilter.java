package org.leadrelay.identity;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.leadrelay.platform.ApiProblem;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles each API client to {@code leadrelay.api.rate-limit.*}: a client over its
 * budget gets {@code 429 Too Many Requests} with {@code Retry-After}. Budgets are kept
 * per node.
 */
final class ApiRateLimitFilter extends OncePerRequestFilter {

	private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

	private final RateLimit limit;

	private final JsonMapper json;

	private final LongSupplier nanoTime;

	ApiRateLimitFilter(RateLimit limit, JsonMapper json, LongSupplier nanoTime) {
		this.limit = limit;
		this.json = json;
		this.nanoTime = nanoTime;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.limit.enabled();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof CallerAuthentication caller) {
			long retryAfter = this.buckets
				.computeIfAbsent(caller.getName(),
						key -> new TokenBucket(this.limit.burst(), this.limit.requestsPerSecond(), this.nanoTime))
				.tryTake();
			if (retryAfter > 0) {
				ProblemDetail problem = ApiProblem.of(HttpStatus.TOO_MANY_REQUESTS, "tooManyRequests",
						"Too many requests from this client; retry after " + retryAfter + " s", null,
						request.getRequestURI());
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
				response.setHeader("Retry-After", String.valueOf(retryAfter));
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				this.json.writeValue(response.getOutputStream(), problem);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	/**
	 * @param requestsPerSecond sustained rate per client; 0 turns throttling off
	 * @param burst how many requests a client may send at once
	 */
	record RateLimit(double requestsPerSecond, int burst) {

		boolean enabled() {
			return this.requestsPerSecond > 0;
		}

	}

}
