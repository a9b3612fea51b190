package org.leadrelay.platform.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxMvcAutoConfiguration;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequestMappingHandlerMapping;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
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

	static final class PathFirstRequestMappingHandlerMapping extends HtmxRequestMappingHandlerMapping {

		@Override
		protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
			PathPatternsRequestCondition paths = info.getPathPatternsCondition();
			if (paths != null && paths.getMatchingCondition(request) == null) {
				return null;
			}
			return super.getMatchingMapping(info, request);
		}

	}

}
