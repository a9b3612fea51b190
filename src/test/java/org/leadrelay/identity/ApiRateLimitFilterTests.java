package org.leadrelay.identity;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class ApiRateLimitFilterTests {

	final AtomicLong nanos = new AtomicLong();

	final ApiRateLimitFilter filter = new ApiRateLimitFilter(new ApiRateLimitFilter.RateLimit(2, 3),
			JsonMapper.builder().build(), this.nanos::get);

	@AfterEach
	void clearContext() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void aClientOverItsBudgetIsToldWhenToRetry() throws Exception {
		signIn("client:a");
		assertThat(call()).extracting(MockHttpServletResponse::getStatus).isEqualTo(200);
		call();
		call();

		MockHttpServletResponse throttled = call();

		assertThat(throttled.getStatus()).isEqualTo(429);
		assertThat(throttled.getHeader("Retry-After")).isEqualTo("1");
		assertThat(throttled.getContentAsString()).contains("\"code\":\"tooManyRequests\"");

		this.nanos.addAndGet(500_000_000L);
		assertThat(call().getStatus()).isEqualTo(200);
	}

	@Test
	void eachClientHasItsOwnBudget() throws Exception {
		signIn("client:a");
		call();
		call();
		call();
		signIn("client:b");

		assertThat(call().getStatus()).isEqualTo(200);
	}

	private MockHttpServletResponse call() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(new MockHttpServletRequest("GET", "/v1.0/engagements/referrals"), response,
				new MockFilterChain());
		return response;
	}

	private static void signIn(String principal) {
		Caller caller = new Caller(Caller.Kind.API_CLIENT, principal, "CRM", new OrganizationId(UUID.randomUUID()),
				OrganizationKind.PARTNER, Set.of(Role.REFERRALS_ADMIN));
		Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject(principal).build();
		SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(caller, jwt));
	}

}
