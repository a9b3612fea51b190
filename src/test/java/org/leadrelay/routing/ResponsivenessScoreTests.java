package org.leadrelay.routing;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leadrelay.shared.OrganizationId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The responsiveness formula: fast and reliable is high, slow or expiring low, no history
 * neutral.
 */
class ResponsivenessScoreTests {

	static final OrganizationId PARTNER = new OrganizationId(UUID.randomUUID());

	@Test
	void aPartnerWithoutHistoryIsNeutral() {
		ResponsivenessScore none = ResponsivenessScore.of(PARTNER, 0, 0, null);

		assertThat(none.score()).isEqualTo(0.5);
		assertThat(none.hasHistory()).isFalse();
	}

	@Test
	void answeringWithinHoursBeatsAnsweringWithinDays() {
		double fast = ResponsivenessScore.of(PARTNER, 20, 0, Duration.ofHours(2)).score();
		double slow = ResponsivenessScore.of(PARTNER, 20, 0, Duration.ofDays(5)).score();

		assertThat(fast).isGreaterThan(slow).isGreaterThan(0.5);
		// speed 1 / (1 + 2/24), reliability 1, shrunk with 5 neutral leads
		assertThat(fast).isCloseTo((20 * ((1 / (1 + 2 / 24.0) + 1) / 2) + 5 * 0.5) / 25, within(1e-9));
	}

	@Test
	void lettingLeadsExpireCosts() {
		ResponsivenessScore reliable = ResponsivenessScore.of(PARTNER, 20, 0, Duration.ofHours(12));
		ResponsivenessScore expiring = ResponsivenessScore.of(PARTNER, 10, 10, Duration.ofHours(12));
		ResponsivenessScore silent = ResponsivenessScore.of(PARTNER, 0, 20, null);

		assertThat(expiring.score()).isLessThan(reliable.score());
		assertThat(expiring.expiredShare()).isEqualTo(0.5);
		assertThat(silent.score()).isLessThan(expiring.score()).isLessThan(0.5);
	}

	@Test
	void aSingleLeadMovesTheScoreOnlyALittle() {
		double oneQuick = ResponsivenessScore.of(PARTNER, 1, 0, Duration.ofMinutes(5)).score();
		double oneExpired = ResponsivenessScore.of(PARTNER, 0, 1, null).score();

		assertThat(oneQuick).isBetween(0.5, 0.6);
		assertThat(oneExpired).isBetween(0.4, 0.5);
	}

}
