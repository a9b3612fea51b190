package org.leadrelay.platform;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The correlation ids LeadRelay makes up for requests that sent none: version 4 UUIDs in
 * their usual text form, and not the same twice.
 */
class CorrelationIdFilterTests {

	@Test
	void newIdsAreRandomVersion4Uuids() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			String id = CorrelationIdFilter.newCorrelationId();
			UUID uuid = UUID.fromString(id);
			assertThat(uuid.version()).isEqualTo(4);
			assertThat(uuid.variant()).isEqualTo(2);
			assertThat(uuid.toString()).isEqualTo(id);
			ids.add(id);
		}
		assertThat(ids).hasSize(10_000);
	}

}
