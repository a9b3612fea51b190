package org.leadrelay.partner;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.leadrelay.shared.CompanySize;
import org.leadrelay.shared.DomainException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a profile and a location may say, and which region a country is in. */
class ProfileDetailsTests {

	@Test
	void aDescriptionMayHave2500CharactersAndNoMore() {
		assertThat(details("x".repeat(2500), null, null).description()).hasSize(2500);

		assertInvalid(() -> details("x".repeat(2501), null, null), "description");
	}

	@Test
	void linksAreWebAddressesAndLinkedInIsOnLinkedIn() {
		assertThat(details(null, "https://contoso.example/about", "https://www.linkedin.com/company/contoso").website())
			.isEqualTo("https://contoso.example/about");

		assertInvalid(() -> details(null, "javascript:alert(1)", null), "website");
		assertInvalid(() -> details(null, "contoso.example", null), "website");
		assertInvalid(() -> details(null, "https://user:secret@contoso.example", null), "website");
		assertInvalid(() -> details(null, null, "https://linkedin.com.evil.example/contoso"), "linkedIn");
	}

	@Test
	void aProfileServesAtLeastOneCustomerSize() {
		assertInvalid(() -> new ProfileDetails("Contoso", null, null, null, Expertise.NONE, Set.of()), "customerSizes");
	}

	@Test
	void aProfileChoosesAmongTheCurrentSizes() {
		assertThat(ProfileDetails.named("Contoso").customerSizes()).isEqualTo(CompanySize.current());

		assertInvalid(() -> new ProfileDetails("Contoso", null, null, null, Expertise.NONE,
				Set.of(CompanySize.EMPLOYEES_10_TO_50, CompanySize.EMPLOYEES_51_TO_500)), "customerSizes");
	}

	@Test
	void tagsAreTrimmedAndCountedPerKind() {
		Expertise expertise = new Expertise(List.of(" Retail ", "Retail"), List.of(), List.of(), List.of("ERP"));

		assertThat(expertise.industries()).containsExactly("Retail");
		assertThat(expertise.all()).containsExactly("Retail", "ERP");
		assertInvalid(() -> new Expertise(List.of(), List.of(), List.of(),
				java.util.stream.IntStream.range(0, 31).mapToObj(i -> "tag" + i).toList()), "solutions");
	}

	@Test
	void aLocationHasAnAddressAPlausiblePhoneAndValidAlertAddresses() {
		LocationDetails budapest = new LocationDetails("Budapest", "Váci út 47", null, "Budapest", "hu",
				"+36 (1) 555-0100 ext. 12", List.of(" leads@contoso.example "));

		assertThat(budapest.country()).isEqualTo("HU");
		assertThat(budapest.alertEmails()).containsExactly("leads@contoso.example");
		assertInvalid(() -> new LocationDetails("Budapest", " ", null, "Budapest", "HU", null, List.of()),
				"addressLine1");
		assertInvalid(() -> new LocationDetails("Budapest", "Váci út 47", null, "Budapest", "XX", null, List.of()),
				"country");
		assertInvalid(() -> new LocationDetails("Budapest", "Váci út 47", null, "Budapest", "HU", "call us", List.of()),
				"phone");
		assertInvalid(() -> new LocationDetails("Budapest", "Váci út 47", null, "Budapest", "HU", null,
				List.of("not an address")), "alertEmails");
	}

	@Test
	void everyCountryIsInOneRegion() {
		assertThat(Region.of("HU")).contains(Region.EMEA);
		assertThat(Region.of("us")).contains(Region.AMERICAS);
		assertThat(Region.of("JP")).contains(Region.APAC);
		assertThat(Region.of(" jp ")).contains(Region.APAC);
		assertThat(Region.of("ZZ")).isEmpty();
		assertThat(Region.of("")).isEmpty();
		assertThat(Region.AMERICAS.countries()).contains("BR", "CA").doesNotContain("HU");
		assertThat(Region.AMERICAS.countries().size() + Region.EMEA.countries().size() + Region.APAC.countries().size())
			.isEqualTo(java.util.Locale.getISOCountries().length);
	}

	private static ProfileDetails details(String description, String website, String linkedIn) {
		return new ProfileDetails("Contoso", description, website, linkedIn, Expertise.NONE,
				Set.of(CompanySize.EMPLOYEES_10_TO_50));
	}

	private static void assertInvalid(Runnable construction, String target) {
		assertThatThrownBy(construction::run).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.target()).isEqualTo(target));
	}

}
