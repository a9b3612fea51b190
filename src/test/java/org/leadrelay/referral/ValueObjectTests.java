package org.leadrelay.referral;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.Email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueObjectTests {

	@Test
	void moneyIsNeverNegativeAndHasAtMostTwoDecimals() {
		assertThat(Money.of(new BigDecimal("10.5"), "EUR").amount()).isEqualTo(new BigDecimal("10.50"));
		assertThatThrownBy(() -> Money.of(new BigDecimal("-1"), "EUR")).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.target()).isEqualTo("details/dealValue"));
		assertThatThrownBy(() -> Money.of(new BigDecimal("1.005"), "EUR")).hasMessageContaining("two decimals");
		assertThatThrownBy(() -> Money.of(new BigDecimal("1e12"), "EUR")).hasMessageContaining("below");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "EU", "eur", "EURO", "XYZ", "123" })
	void currenciesAreIso4217Codes(String code) {
		assertThatThrownBy(() -> Money.of(BigDecimal.ONE, code)).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.target()).isEqualTo("details/currency"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "anna@contoso.example", "péter@danube.example", "a.b+c@sub.example.co.uk" })
	void plausibleEmailsAreAccepted(String email) {
		assertThat(new Email(email).value()).isEqualTo(email);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "anna", "anna@", "@contoso.example", "anna@contoso", "an na@contoso.example",
			"anna@@contoso.example", "<script>@x.example" })
	void implausibleEmailsAreRefused(String email) {
		assertThatThrownBy(() -> Email.of("customerProfile/team/0/email", email)).isInstanceOfSatisfying(
				DomainException.class, ex -> assertThat(ex.target()).isEqualTo("customerProfile/team/0/email"));
	}

	@Test
	void dealDetailsNameTheFirstMissingField() {
		Money value = Money.of(BigDecimal.TEN, "EUR");
		Instant closing = Instant.parse("2026-12-31T00:00:00Z");
		assertThat(target(() -> DealDetails.of(" ", value, closing, "notes", null, null))).isEqualTo("name");
		assertThat(target(() -> DealDetails.of("Deal", null, closing, "notes", null, null)))
			.isEqualTo("details/dealValue");
		assertThat(target(() -> DealDetails.of("Deal", value, null, "notes", null, null)))
			.isEqualTo("details/closingDateTime");
		assertThat(target(() -> DealDetails.of("Deal", value, closing, null, null, null))).isEqualTo("details/notes");
		assertThat(target(() -> DealDetails.of("Deal", value, closing, "x".repeat(10_001), null, null)))
			.isEqualTo("details/notes");
	}

	@Test
	void addressesNeedAnIsoCountry() {
		assertThat(Address.of(" Fő utca 1 ", null, "Budapest", null, "1011", "hu").country()).isEqualTo("HU");
		assertThat(target(() -> Address.of(null, null, null, null, null, "XX")))
			.isEqualTo("customerProfile/address/country");
		assertThat(target(() -> Address.of(null, null, null, null, null, null)))
			.isEqualTo("customerProfile/address/country");
	}

	@Test
	void requirementsDropDuplicatesAndRefuseBlankTags() {
		assertThat(new Requirements(List.of("Retail", "Retail"), List.of(), List.of(), List.of()).industries())
			.containsExactly("Retail");
		assertThat(target(() -> new Requirements(List.of(" "), List.of(), List.of(), List.of())))
			.isEqualTo("details/requirements/industries");
	}

	@Test
	void absentRequirementListsAreEmpty() {
		Requirements requirements = new Requirements(null, null, null, null);

		assertThat(requirements.all()).isEmpty();
	}

	private static String target(Runnable action) {
		try {
			action.run();
		}
		catch (DomainException ex) {
			return ex.target();
		}
		throw new AssertionError("Expected a DomainException");
	}

}
