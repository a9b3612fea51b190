package org.leadrelay.platform;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ties every request to a correlation id, as the Referrals API does with
 * {@code MS-CorrelationId}: the caller's, or a new one when it sent none (or one that is
 * no plain id, which is never written to the logs). It is echoed on the response and put
 * in the logging context, so every log line of the request carries it. Runs before
 * everything else, security included, so refusals carry it too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationIdFilter extends OncePerRequestFilter {

	static final String HEADER = "MS-CorrelationId";

	/** The logging context's key (see {@code logging.pattern.correlation}). */
	static final String MDC_KEY = "correlationId";

	private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

	private static final Logger log = LoggerFactory.getLogger(CorrelationIdFilter.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String correlationId = correlationId(request.getHeader(HEADER));
		response.setHeader(HEADER, correlationId);
		MDC.put(MDC_KEY, correlationId);
		try {
			chain.doFilter(request, response);
		}
		finally {
			log.debug("{} {} answered {}", request.getMethod(), request.getRequestURI(), response.getStatus());
			MDC.remove(MDC_KEY);
		}
	}

	private static String correlationId(@Nullable String sent) {
		if (sent != null && PLAIN_ID.matcher(sent.strip()).matches()) {
			return sent.strip();
		}
		return newCorrelationId();
	}

	/**
	 * A random (version 4) UUID. It only tells requests apart in the logs, so it needs no
	 * {@code SecureRandom}, whose one lock every request without an id would queue on.
	 */
	static String newCorrelationId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
				(random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
			.toString();
	}

}
