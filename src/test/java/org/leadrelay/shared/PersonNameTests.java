package org.leadrelay.shared;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonNameTests {

	private static final Locale HUNGARIAN = Locale.forLanguageTag("hu");

	@Test
	void hungarianPutsTheFamilyNameFirstEnglishTheGivenName() {
		PersonName julia = new PersonName("Júlia", "Tóth");

		assertThat(julia.in(HUNGARIAN)).isEqualTo("Tóth Júlia");
		assertThat(julia.in(Locale.forLanguageTag("hu-HU"))).isEqualTo("Tóth Júlia");
		assertThat(julia.in(Locale.ENGLISH)).isEqualTo("Júlia Tóth");
	}

	@Test
	void aMissingPartLeavesNoGap() {
		assertThat(new PersonName(" Júlia ", null).in(HUNGARIAN)).isEqualTo("Júlia");
		assertThat(new PersonName("", "Tóth").in(Locale.ENGLISH)).isEqualTo("Tóth");
		assertThat(new PersonName(null, null).in(HUNGARIAN)).isEmpty();
	}

}
