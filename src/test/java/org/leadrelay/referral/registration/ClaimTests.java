package org.leadrelay.referral.registration;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.shared.OrganizationId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The channel-conflict rules: who claims the same customer, for which products, how far
 * apart in time, and which claims still stand.
 */
class ClaimTests {

	static final Duration WINDOW = Duration.ofDays(90);

	static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

	static final OrganizationId CONTOSO = new OrganizationId(UUID.randomUUID());

	static final OrganizationId FABRIKAM = new OrganizationId(UUID.randomUUID());

	static Claim claim(OrganizationId partner, String customer, String country, List<?> ids, List<String> products,
			Instant createdAt, boolean open) {
		return Claim.of(new ReferralId(UUID.randomUUID()), partner, customer, country, ids, products, createdAt, open);
	}

	static Claim contoso() {
		return claim(CONTOSO, "Alpine Dairy Kft.", "HU", List.of(), List.of("Analytics Suite", "Data Lake"), T0, true);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "Alpine Dairy Kft.|alpine dairy", "ALPINE  DAIRY, kft|alpine dairy",
					"Alpíne Dáiry Zrt.|alpine dairy", "The Alpine-Dairy Ltd|alpine dairy",
					"Müller & Söhne GmbH|muller and sohne", "Co.|co" })
	void companyNamesAreComparedWithoutCaseAccentsPunctuationAndLegalForm(String name, String normalised) {
		assertThat(Claim.normalise(name)).isEqualTo(normalised);
	}

	@Test
	void anotherPartnersOpenClaimOnTheSameCustomerAndAProductConflicts() {
		Claim other = claim(FABRIKAM, "ALPINE DAIRY zrt", "hu", List.of(), List.of("Data Lake"), T0.plusSeconds(5),
				true);

		assertThat(contoso().conflictsWith(other, WINDOW)).isTrue();
		assertThat(other.conflictsWith(contoso(), WINDOW)).isTrue();
		assertThat(contoso().sharedProducts(other)).containsExactly("Data Lake");
	}

	@Test
	void theSameNameInAnotherCountryIsAnotherCustomer() {
		Claim other = claim(FABRIKAM, "Alpine Dairy", "AT", List.of(), List.of("Data Lake"), T0, true);

		assertThat(contoso().conflictsWith(other, WINDOW)).isFalse();
	}

	@Test
	void theSameExternalCustomerIdIsTheSameCustomerWhateverTheName() {
		Claim mine = claim(CONTOSO, "Alpine Dairy", "HU", List.of("DUNS-123"), List.of("Data Lake"), T0, true);
		Claim other = claim(FABRIKAM, "AD Holding", "AT", List.of(" duns-123 "), List.of("Data Lake"), T0, true);

		assertThat(mine.sameCustomer(other)).isTrue();
		assertThat(mine.conflictsWith(other, WINDOW)).isTrue();
	}

	@Test
	void withoutAProductInCommonThereIsNoConflict() {
		Claim other = claim(FABRIKAM, "Alpine Dairy", "HU", List.of(), List.of("Payroll"), T0, true);

		assertThat(contoso().conflictsWith(other, WINDOW)).isFalse();
	}

	@Test
	void aPartnersOwnClaimsNeverConflict() {
		Claim again = claim(CONTOSO, "Alpine Dairy", "HU", List.of(), List.of("Data Lake"), T0, true);

		assertThat(contoso().conflictsWith(again, WINDOW)).isFalse();
	}

	@Test
	void aClosedDealOrRejectedRegistrationIsNoConflict() {
		Claim closed = claim(FABRIKAM, "Alpine Dairy", "HU", List.of(), List.of("Data Lake"), T0, false);

		assertThat(contoso().conflictsWith(closed, WINDOW)).isFalse();
		assertThat(closed.conflictsWith(contoso(), WINDOW)).isFalse();
	}

	@Test
	void theProtectionWindowsEdgeIsInsideOneMomentLaterIsOutsideBothWays() {
		for (Duration apart : List.of(WINDOW, WINDOW.negated())) {
			Claim edge = claim(FABRIKAM, "Alpine Dairy", "HU", List.of(), List.of("Data Lake"), T0.plus(apart), true);
			Instant beyond = apart.isNegative() ? T0.plus(apart).minusMillis(1) : T0.plus(apart).plusMillis(1);
			Claim outside = claim(FABRIKAM, "Alpine Dairy", "HU", List.of(), List.of("Data Lake"), beyond, true);

			assertThat(contoso().conflictsWith(edge, WINDOW)).as("%s apart", apart).isTrue();
			assertThat(contoso().conflictsWith(outside, WINDOW)).as("beyond %s", apart).isFalse();
		}
	}

	@Test
	void anEmptyOrNullCustomerIdMatchesNothing() {
		Claim mine = claim(CONTOSO, "Alpine Dairy", "HU", java.util.Arrays.asList("", null), List.of("Data Lake"), T0,
				true);

		assertThat(mine.customerIds()).isEqualTo(Set.of());
	}

}
