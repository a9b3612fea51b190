package org.leadrelay.shared;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Time-ordered UUIDs (version 7, RFC 9562): random enough to be unguessable in URLs,
 * ordered enough that new rows land at the right edge of B-tree indexes instead of all
 * over them.
 */
public final class Ids {

	private static final SecureRandom random = new SecureRandom();

	private Ids() {
	}

	public static UUID newId(Clock clock) {
		return newId(clock.instant());
	}

	/** An id that sorts as if created at {@code createdAt}. */
	public static UUID newId(Instant createdAt) {
		long epochMillis = createdAt.toEpochMilli();
		long randomA = random.nextInt(1 << 12);
		long msb = (epochMillis << 16) | (0x7L << 12) | randomA;
		long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(msb, lsb);
	}

}
