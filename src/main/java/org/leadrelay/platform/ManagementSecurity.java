package org.leadrelay.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The actuator endpoints: health (with its liveness and readiness groups) is public, for
 * load balancers and orchestrators; everything else, {@code /actuator/prometheus} among
 * them, answers only a scraper that sends {@code Authorization: Bearer} with the
 * {@code leadrelay.management.token}. Without a token configured only health is served;
 * anyone else gets {@code 401}.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurity {

	private static final String ROLE = "MANAGEMENT";

	@Bean
	@Order(0)
	SecurityFilterChain managementChain(HttpSecurity http, @Value("${leadrelay.management.token:}") String token)
			throws Exception {
		http.securityMatcher("/actuator/**")
			.authorizeHttpRequests(authorize -> authorize.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.anyRequest()
				.hasRole(ROLE))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.exceptionHandling(exceptions -> exceptions
				.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
			.addFilterBefore(new TokenFilter(token), AuthorizationFilter.class);
		return http.build();
	}

	/** Signs in the request that carries the management token. */
	private static final class TokenFilter extends OncePerRequestFilter {

		private final byte[] expected;

		TokenFilter(String token) {
			this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader("Authorization");
			if (this.expected.length > "Bearer ".length() && header != null
					&& MessageDigest.isEqual(this.expected, header.getBytes(StandardCharsets.UTF_8))) {
				SecurityContextHolder.getContext()
					.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("management", null,
							List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
			}
			chain.doFilter(request, response);
		}

	}

}
