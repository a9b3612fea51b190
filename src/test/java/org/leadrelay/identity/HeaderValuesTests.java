package org.leadrelay.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import org.springframework.security.web.firewall.StrictHttpFirewall;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderValuesTests {

	private static final Predicate<String> FIREWALL = StrictHttpFirewall.ALLOWED_HEADER_VALUES;

	@Test
	void everyCodePointIsJudgedAsTheFirewallsExpressionJudgesIt() {
		List<String> judgedOtherwise = new ArrayList<>();
		for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
			String value = "Bearer a" + Character.toString(codePoint) + "b";
			if (HeaderValues.allowed(value) != FIREWALL.test(value)) {
				judgedOtherwise.add("U+%04X".formatted(codePoint));
			}
		}
		assertThat(judgedOtherwise).isEmpty();
	}

	@Test
	void surrogatesAloneAndInPairsAndTheEmptyValueToo() {
		for (String value : new String[] { "", "\uD83D", "\uDE00", "a\uD83Db", "\uD83D\uDE00", "\uDE00\uD83D", "\t",
				"a\tb", "\u007F", "\u0085", "\u00A0", "\uFFFF", "\u0378" }) {
			assertThat(HeaderValues.allowed(value)).as(value).isEqualTo(FIREWALL.test(value));
		}
		assertThat(HeaderValues.allowed("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")).isTrue();
		assertThat(HeaderValues.allowed("a\nb")).isFalse();
	}

}
