package org.leadrelay.demo;

import org.jspecify.annotations.Nullable;
import org.leadrelay.platform.EmbeddedDatabaseMarker;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether demo data may be seeded: {@code leadrelay.demo.enabled} when set, otherwise
 * only when running on the embedded database (never by surprise on a real server).
 */
@Component
class DemoMode {

	private final boolean enabled;

	DemoMode(@Value("${leadrelay.demo.enabled:#{null}}") @Nullable Boolean configured,
			ObjectProvider<EmbeddedDatabaseMarker> embedded) {
		this.enabled = configured != null ? configured : embedded.getIfAvailable() != null;
	}

	boolean enabled() {
		return this.enabled;
	}

}
