package org.leadrelay.platform.web;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.leadrelay.platform.ApiPaths;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * The filter that lets pages link static files and webjars by their versioned URLs, for
 * pages only. Boot registers it for every request; an API request, which renders no page,
 * went through its request wrapper on each request attribute (about 4 % of a GET by id's
 * CPU samples).
 */
@Configuration(proxyBeanMethods = false)
class PageResourceUrlsConfiguration {

	/** Replaces Boot's registration, with the same dispatcher types. */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new PagesOnly());
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	static final class PagesOnly extends ResourceUrlEncodingFilter {

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (request instanceof HttpServletRequest http && ApiPaths.isApi(http)) {
				chain.doFilter(request, response);
			}
			else {
				super.doFilter(request, response, chain);
			}
		}

	}

}
