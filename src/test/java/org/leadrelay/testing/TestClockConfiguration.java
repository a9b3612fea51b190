package org.leadrelay.testing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Imported by {@link IntegrationTest} only: deliberately not a {@code @Configuration}, so
 * that an application started from the test classpath (a benchmark, a cluster node) never
 * scans it.
 */
class TestClockConfiguration {

	@Bean
	@Primary
	MutableClock testClock() {
		return new MutableClock();
	}

}
