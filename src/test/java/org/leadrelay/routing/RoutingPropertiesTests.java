package org.leadrelay.routing;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingPropertiesTests {

	private final RoutingProperties properties = new RoutingProperties(Duration.ofDays(90), Duration.ofMinutes(10),
			Duration.ofDays(365), Duration.ofSeconds(30));

	@Test
	void theHistoryStartsAtTheStartOfThePeriodsFirstHour() {
		assertThat(this.properties.historySince(Instant.parse("2026-12-03T23:41:07.5Z")))
			.isEqualTo(Instant.parse("2025-12-03T23:00:00Z"));
		assertThat(this.properties.historySince(Instant.parse("2026-12-04T00:00:00Z")))
			.isEqualTo(Instant.parse("2025-12-04T00:00:00Z"));
	}

}
