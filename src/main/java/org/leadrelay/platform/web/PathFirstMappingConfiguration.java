package org.leadrelay.platform.web;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxMvcAutoConfiguration;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequestMappingHandlerMapping;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.webmvc.actuate.endpoint.web.AbstractWebMvcEndpointHandlerMapping;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Request mappings tried path first. A path with a variable ({@code /referrals/{id}}), or
 * one no controller maps (a static file), is not found by direct lookup, so Spring MVC
 * tries every mapping in turn and checks its method before its path: that asks the
 * request its method through every wrapper the filters put around it, and whether it is a
 * CORS pre-flight, once per mapping of the application. Checking the path first turns
 * away nearly every mapping by comparing a few segments; the outcome is the same, since
 * all conditions must match.
 *
 * <p>
 * Boot takes the one {@link WebMvcRegistrations}; htmx's auto-configuration is one too
 * (its mapping adds {@code @HxRequest}), so this one extends its mapping, hands on the
 * rest of its registrations, and is the primary.
 */
@Configuration(proxyBeanMethods = false)
class PathFirstMappingConfiguration {

	/** The order Spring MVC gives the controllers' mapping. */
	static final int CONTROLLERS_ORDER = 0;

	@Bean
	@Primary
	WebMvcRegistrations pathFirstMappings(HtmxMvcAutoConfiguration htmx) {
		return new WebMvcRegistrations() {

			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new PathFirstRequestMappingHandlerMapping();
			}

			@Override
			public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
				return htmx.getRequestMappingHandlerAdapter();
			}

			@Override
			public ExceptionHandlerExceptionResolver getExceptionHandlerExceptionResolver() {
				return htmx.getExceptionHandlerExceptionResolver();
			}

		};
	}

	/**
	 * The actuator's endpoints looked up after the controllers: Boot orders their mapping
	 * first, so every request asked each endpoint mapping its method and {@code Accept}
	 * header before a controller was tried (4 % of a GET's samples); no controller maps a
	 * path under {@code /actuator}.
	 */
	@Bean
	static BeanPostProcessor endpointsAfterControllers() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof AbstractWebMvcEndpointHandlerMapping endpoints) {
					endpoints.setOrder(CONTROLLERS_ORDER + 1);
				}
				return bean;
			}

		};
	}

	/**
	 * Turns a mapping away first by the literal start of its patterns, a string
	 * comparison with the path being looked up, and only then matches its patterns
	 * segment by segment (which a JFR profile of a GET by id showed at 29 % of its
	 * samples, for the hundreds of mappings tried). The path is kept per thread for the
	 * lookup, because reading it from the request walks every wrapper again.
	 */
	static final class PathFirstRequestMappingHandlerMapping extends HtmxRequestMappingHandlerMapping {

		private static final ThreadLocal<@Nullable String> LOOKUP_PATH = new ThreadLocal<>();

		private final Map<RequestMappingInfo, String[]> literalStarts = new ConcurrentHashMap<>();

		@Override
		protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
				throws Exception {
			// an encoded character or a matrix variable is matched only once decoded or
			// removed, so such a path is left to the patterns alone
			boolean literal = lookupPath.indexOf('%') < 0 && lookupPath.indexOf(';') < 0;
			LOOKUP_PATH.set(literal ? lookupPath : null);
			try {
				return super.lookupHandlerMethod(lookupPath, request);
			}
			finally {
				LOOKUP_PATH.remove();
			}
		}

		@Override
		protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
			PathPatternsRequestCondition paths = info.getPathPatternsCondition();
			if (paths == null) {
				return super.getMatchingMapping(info, request);
			}
			String lookupPath = LOOKUP_PATH.get();
			if (lookupPath != null && !startsWithAny(lookupPath,
					this.literalStarts.computeIfAbsent(info, PathFirstRequestMappingHandlerMapping::literalStarts))) {
				return null;
			}
			if (paths.getMatchingCondition(request) == null) {
				return null;
			}
			return super.getMatchingMapping(info, request);
		}

		// a loop, not a stream: it runs for every mapping tried, hundreds per request
		private static boolean startsWithAny(String path, String[] starts) {
			for (String start : starts) {
				if (path.startsWith(start)) {
					return true;
				}
			}
			return false;
		}

		private static String[] literalStarts(RequestMappingInfo info) {
			return Objects.requireNonNull(info.getPathPatternsCondition())
				.getPatterns()
				.stream()
				.map(pattern -> literalStart(pattern.getPatternString()))
				.toArray(String[]::new);
		}

		/**
		 * The pattern up to its first variable or wildcard, which a path must start with.
		 */
		static String literalStart(String pattern) {
			for (int i = 0; i < pattern.length(); i++) {
				char c = pattern.charAt(i);
				if (c == '{' || c == '*' || c == '?') {
					return pattern.substring(0, i);
				}
			}
			return pattern;
		}

	}

}
