package org.leadrelay.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Referrals API's customer sizes: their codes and how bands of both generations
 * overlap.
 */
class CompanySizeTests {

	/** As the Referrals API documents them ("Customer Size"), current bands first. */
	private static final List<String> API_CODES = List.of("1to9employees", "10to50employees", "51to250employees",
			"251to1000employees", "1001to5000employees", "5001to10000employees", "10001to20000employees",
			"Morethan20000employees", "1to50employees", "51to500employees", "Morethan500employees");

	@Test
	void theCodesAreTheApisAndEachReadsBackAsItsSize() {
		assertThat(Arrays.stream(CompanySize.values()).map(CompanySize::code)).containsExactlyElementsOf(API_CODES);
		for (CompanySize size : CompanySize.values()) {
			assertThat(CompanySize.fromCode(size.code())).contains(size);
			assertThat(size).hasToString(size.code());
		}
	}

	@Test
	void onlyTheExactSpellingIsASize() {
		assertThat(CompanySize.fromCode("10to49employees")).as("LeadRelay's former band").isEmpty();
		assertThat(CompanySize.fromCode("EMPLOYEES_10_TO_50")).isEmpty();
		assertThat(CompanySize.fromCode("morethan20000employees")).isEmpty();
		assertThat(CompanySize.fromCode("")).isEmpty();
	}

	@Test
	void theCurrentBandsAreTheEightNewOnesAndDoNotOverlapEachOther() {
		assertThat(CompanySize.current()).map(CompanySize::code).containsExactlyElementsOf(API_CODES.subList(0, 8));
		for (CompanySize size : CompanySize.current()) {
			assertThat(CompanySize.current().stream().filter(size::overlaps)).containsExactly(size);
		}
		assertThat(CompanySize.EMPLOYEES_51_TO_500.isCurrent()).isFalse();
	}

	@Test
	void anOlderBandOverlapsTheCurrentBandsThatShareItsEmployees() {
		assertThat(overlapping(CompanySize.EMPLOYEES_1_TO_50)).containsExactly(CompanySize.EMPLOYEES_1_TO_9,
				CompanySize.EMPLOYEES_10_TO_50);
		assertThat(overlapping(CompanySize.EMPLOYEES_51_TO_500)).containsExactly(CompanySize.EMPLOYEES_51_TO_250,
				CompanySize.EMPLOYEES_251_TO_1000);
		assertThat(overlapping(CompanySize.MORE_THAN_500)).containsExactly(CompanySize.EMPLOYEES_251_TO_1000,
				CompanySize.EMPLOYEES_1001_TO_5000, CompanySize.EMPLOYEES_5001_TO_10000,
				CompanySize.EMPLOYEES_10001_TO_20000, CompanySize.MORE_THAN_20000);
		assertThat(CompanySize.EMPLOYEES_251_TO_1000.overlaps(CompanySize.MORE_THAN_500)).as("symmetric").isTrue();
		assertThat(CompanySize.EMPLOYEES_1_TO_50.overlaps(CompanySize.EMPLOYEES_51_TO_500)).isFalse();
	}

	@Test
	void aSizeFitsBandsWhenItOverlapsAnyOfThem() {
		Set<CompanySize> served = Set.of(CompanySize.EMPLOYEES_1_TO_9, CompanySize.EMPLOYEES_5001_TO_10000);

		assertThat(CompanySize.EMPLOYEES_1_TO_50.overlapsAny(served)).isTrue();
		assertThat(CompanySize.MORE_THAN_500.overlapsAny(served)).isTrue();
		assertThat(CompanySize.EMPLOYEES_51_TO_500.overlapsAny(served)).isFalse();
		assertThat(CompanySize.EMPLOYEES_10_TO_50.overlapsAny(served)).isFalse();
		assertThat(CompanySize.EMPLOYEES_10_TO_50.overlapsAny(Set.of())).isFalse();
	}

	private static List<CompanySize> overlapping(CompanySize older) {
		return CompanySize.current().stream().filter(older::overlaps).toList();
	}

}
