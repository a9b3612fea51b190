package org.leadrelay.platform;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work a dead node left in flight is picked up after a minute on the embedded database
 * (one node), after ten on an external one (other nodes may still be at it), or after
 * what is configured.
 */
class OutboxPropertiesTests {

	@Test
	void lostWorkIsPickedUpSoonOnASingleNode() {
		OutboxProperties defaults = properties(null);

		assertThat(defaults.staleAfter(true)).isEqualTo(Duration.ofMinutes(1));
		assertThat(defaults.staleAfter(false)).isEqualTo(Duration.ofMinutes(10));
		assertThat(properties(Duration.ofSeconds(90)).staleAfter(true)).isEqualTo(Duration.ofSeconds(90));
	}

	private static OutboxProperties properties(Duration staleAfter) {
		return new OutboxProperties(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofHours(1), staleAfter,
				100);
	}

}
