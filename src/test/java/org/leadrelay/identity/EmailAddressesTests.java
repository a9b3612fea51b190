package org.leadrelay.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailAddressesTests {

	@Test
	void spellingsOfOneAddressAreOneAddress() {
		assertThat(EmailAddresses.normalize(" Ildiko.Kiss@Example.com ")).isEqualTo("ildiko.kiss@example.com");
		assertThat(EmailAddresses.normalize("İldİko.kiss@example.com")).as("capital I with dot")
			.isEqualTo("ildiko.kiss@example.com");
		assertThat(EmailAddresses.normalize("ıldıko.kıss@example.com")).as("dotless i")
			.isEqualTo("ildiko.kiss@example.com");
		assertThat(EmailAddresses.normalize("\uFF29ldiko.\u212Aiss\uFF20example.com")).as("full-width, Kelvin sign")
			.isEqualTo("ildiko.kiss@example.com");
		assertThat(EmailAddresses.normalize("o\uFB03ce@example.com\u00A0")).as("ligature, no-break space")
			.isEqualTo("office@example.com");
	}

	@Test
	void differentAddressesStayDifferent() {
		assertThat(EmailAddresses.normalize("rene@example.com"))
			.isNotEqualTo(EmailAddresses.normalize("rené@example.com"));
	}

}
