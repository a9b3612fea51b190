package org.leadrelay.routing;

import java.time.Instant;

/** The responsiveness scores were recomputed; read them with {@link Responsiveness}. */
public record ResponsivenessRefreshed(Instant refreshedAt) {
}
