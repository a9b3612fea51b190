package org.leadrelay.identity;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTokensTests {

	private final BearerTokenResolver tokens = new BearerTokens();

	private final BearerTokenResolver library = new DefaultBearerTokenResolver();

	@Test
	void aWellFormedHeaderGivesItsTokenWithItsPadding() {
		assertThat(this.tokens.resolve(request("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln-_~+/==", "GET")))
			.isEqualTo("eyJhbGciOiJSUzI1NiJ9.e30.c2ln-_~+/==");
		assertThat(this.tokens.resolve(request("bEARER abc", "GET"))).isEqualTo("abc");
	}

	@Test
	void everyCharacterInEveryPartOfTheHeaderIsReadAsTheLibraryReadsIt() {
		List<String> headers = new ArrayList<>();
		// the scheme's letters with every character (case folding); the token and its
		// padding with the first thousand
		for (char c = 0; c < Character.MAX_VALUE; c++) {
			headers.add(c + "earer abc");
			headers.add("Beare" + c + " abc");
		}
		for (char c = 0; c < 0x400; c++) {
			headers.add("Bearer" + c + "abc");
			headers.add("Bearer a" + c + "c");
			headers.add("Bearer abc=" + c);
			headers.add("Bearer " + c);
			headers.add("Bearer " + c + "=");
		}
		headers.addAll(List.of("", "Bearer", "Bearer ", "Bearer =", "Bearer a=b", "Bearer  abc", "Bearer abc ",
				"Bearer abc\n", "Basic YWxhZGRpbjpvcGVuc2VzYW1l", "Bearerabc", "DPoP abc"));
		for (String header : headers) {
			for (String method : List.of("GET", "POST")) {
				assertThat(outcome(this.tokens, header, method)).as("%s %s", method, header)
					.isEqualTo(outcome(this.library, header, method));
			}
		}
	}

	@Test
	void noHeaderNoToken() {
		assertThat(this.tokens.resolve(new MockHttpServletRequest("GET", "/v1.0/engagements/referrals"))).isNull();
	}

	private static String outcome(BearerTokenResolver resolver, String header, String method) {
		try {
			return "token " + resolver.resolve(request(header, method));
		}
		catch (OAuth2AuthenticationException ex) {
			return "refused " + ex.getError().getErrorCode() + ": " + ex.getError().getDescription();
		}
	}

	private static MockHttpServletRequest request(String authorization, String method) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, "/v1.0/engagements/referrals");
		request.addHeader("Authorization", authorization);
		request.setQueryString("access_token=abc");
		request.addParameter("access_token", "abc");
		return request;
	}

}
