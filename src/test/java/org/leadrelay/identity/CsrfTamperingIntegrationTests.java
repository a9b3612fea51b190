package org.leadrelay.identity;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestUsers;
import org.leadrelay.testing.WebSession;
import org.leadrelay.testing.WebSession.Page;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A form posted with a tampered CSRF token, garbled or of the wrong length, is refused
 * with 403, never answered with a 500.
 */
@IntegrationTest
class CsrfTamperingIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	@Autowired
	TestUsers users;

	@Test
	void tamperedTokensAreRefusedWith403() {
		WebSession browser = new WebSession(this.port);
		browser.signIn(this.users.create(this.programs.create().contoso(), "Csilla Toth", Role.REFERRALS_ADMIN).email(),
				TestUsers.PASSWORD);
		Matcher token = CSRF.matcher(browser.get("/api-clients").body());
		assertThat(token.find()).isTrue();

		List<String> answers = new ArrayList<>();
		for (String tampered : tampered(token.group(1))) {
			Page page = browser.postWithoutToken("/api-clients", Map.of("name", "Tampered", "_csrf", tampered));
			answers.add(page.status() + " for " + tampered);
		}
		Page anonymous = new WebSession(this.port).postWithoutToken("/login",
				Map.of("username", "x@example.com", "password", "x", "_csrf", "@@@"));

		assertThat(answers).hasSizeGreaterThan(200).allSatisfy(answer -> assertThat(answer).startsWith("403 "));
		assertThat(anonymous.status()).isEqualTo(403);
		assertThat(browser.get("/api-clients").body()).as("still signed in, nothing created")
			.doesNotContain("Tampered");
	}

	/** Variants of a token: changed, cut, lengthened, random and not base64 at all. */
	private static List<String> tampered(String token) {
		Random random = new Random(14);
		List<String> variants = new ArrayList<>();
		char[] alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=".toCharArray();
		for (int i = 0; i < token.length(); i++) {
			char[] chars = token.toCharArray();
			char original = chars[i];
			while (chars[i] == original) {
				chars[i] = alphabet[random.nextInt(alphabet.length)];
			}
			variants.add(new String(chars));
		}
		for (int length = 0; length < token.length(); length += 3) {
			variants.add(token.substring(0, length));
		}
		for (int extra = 1; extra < 40; extra += 3) {
			variants.add(token + token.substring(0, Math.min(extra, token.length())));
		}
		for (int length = 1; length < 120; length += 2) {
			byte[] bytes = new byte[length];
			random.nextBytes(bytes);
			variants.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
			variants.add(Base64.getEncoder().encodeToString(bytes));
		}
		variants.addAll(List.of(" ", "====", "%", "%%", "@@@", "ä", "\u0130", "..", token + "=", "=" + token,
				token.replace('-', '+').replace('_', '/'), token.toUpperCase(), "null", "\t" + token));
		variants.removeIf(token::equals);
		return variants;
	}

}
