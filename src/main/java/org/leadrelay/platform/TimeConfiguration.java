package org.leadrelay.platform;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The one source of time. Domain code never calls {@code Instant.now()}: tests replace
 * this clock and move time instead of sleeping.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TimeConfiguration {

	@Bean
	Clock clock() {
		// PostgreSQL keeps microseconds: ticking in microseconds makes a value read
		// back equal the one written.
		return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
	}

}
