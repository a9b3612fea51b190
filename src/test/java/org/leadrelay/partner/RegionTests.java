package org.leadrelay.partner;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegionTests {

	@Test
	void aCountryCodeInAnyCaseAndWithSpacesHasItsRegion() {
		assertThat(Region.of("US")).contains(Region.AMERICAS);
		assertThat(Region.of(" jp ")).contains(Region.APAC);
		assertThat(Region.of("hu")).contains(Region.EMEA);
		assertThat(Region.of("ZZ")).isEmpty();
		assertThat(Region.of("")).isEmpty();
	}

	@Test
	void everyCodeLiesInOneRegion() {
		assertThat(Region.AMERICAS.countries()).contains("BR", "CA").doesNotContain("HU", "JP");
		assertThat(Region.APAC.countries()).contains("AU", "JP");
		assertThat(Region.AMERICAS.countries().size() + Region.APAC.countries().size() + Region.EMEA.countries().size())
			.isEqualTo(Locale.getISOCountries().length);
	}

}
