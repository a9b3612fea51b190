package org.leadrelay.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.leadrelay.testing.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.servletapi.SecurityContextHolderAwareRequestFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's security filter chain runs what a bearer-token API needs and nothing a
 * browser session would: every filter costs each request a pass through the request's
 * wrappers. A request without a token is still refused with the API's problem.
 */
@IntegrationTest
class ApiFilterChainIntegrationTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	FilterChainProxy security;

	@LocalServerPort
	int port;

	@Test
	void theApiChainHasNoAnonymousCallerSignOutOrServletApiWrapper() {
		List<Class<?>> filters = this.security.getFilters("/v1.0/engagements/referrals")
			.stream()
			.<Class<?>>map(Filter::getClass)
			.toList();

		assertThat(filters).isNotEmpty()
			.doesNotContain(AnonymousAuthenticationFilter.class, LogoutFilter.class,
					SecurityContextHolderAwareRequestFilter.class);
	}

	@Test
	void aRequestWithoutATokenIsRefusedWithTheApisProblem() throws Exception {
		HttpResponse<String> response = http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/v1.0/engagements/referrals"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("A valid bearer token is required");
	}

}
