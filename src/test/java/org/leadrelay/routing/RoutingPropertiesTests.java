package org.leadrelay.routing;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RoutingPropertiesTests {

	private final RoutingProperties properties = new RoutingProperties(Duration.ofDays(90), Duration.ofMinutes(10),
			Duration.ofDays(365), Duration.ofSeconds(30), null);

	@Test
	void theHistoryStartsAtTheStartOfThePeriodsFirstHour() {
		assertThat(this.properties.historySince(Instant.parse("2026-12-03T23:41:07.5Z")))
			.isEqualTo(Instant.parse("2025-12-03T23:00:00Z"));
		assertThat(this.properties.historySince(Instant.parse("2026-12-04T00:00:00Z")))
			.isEqualTo(Instant.parse("2025-12-04T00:00:00Z"));
	}

	@Test
	void recommendationsRunOneMoreAtOnceThanTheNodeHasProcessorsUnlessSet() {
		assertThat(this.properties.recommendationsAtOnce()).isEqualTo(Runtime.getRuntime().availableProcessors() + 1);
		assertThat(new RoutingProperties(Duration.ofDays(90), Duration.ofMinutes(10), Duration.ofDays(365),
				Duration.ofSeconds(30), 1)
			.recommendationsAtOnce()).isEqualTo(1);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RoutingProperties(Duration.ofDays(90), Duration.ofMinutes(10), Duration.ofDays(365),
					Duration.ofSeconds(30), 0))
			.withMessageContaining("leadrelay.routing.recommendation-concurrency");
	}

}
