package org.leadrelay.identity;

import java.util.function.LongSupplier;

/**
 * A token bucket: holds up to {@code capacity} requests and refills at {@code perSecond}.
 */
final class TokenBucket {

	private final double capacity;

	private final double perNano;

	private final LongSupplier nanoTime;

	private double tokens;

	private long refilledAt;

	TokenBucket(int capacity, double perSecond, LongSupplier nanoTime) {
		this.capacity = capacity;
		this.perNano = perSecond / 1_000_000_000d;
		this.nanoTime = nanoTime;
		this.tokens = capacity;
		this.refilledAt = nanoTime.getAsLong();
	}

	/**
	 * Takes one token.
	 * @return 0 when the request may go ahead, otherwise the seconds until a token is
	 * back
	 */
	synchronized long tryTake() {
		long now = this.nanoTime.getAsLong();
		this.tokens = Math.min(this.capacity, this.tokens + (now - this.refilledAt) * this.perNano);
		this.refilledAt = now;
		if (this.tokens >= 1) {
			this.tokens -= 1;
			return 0;
		}
		return Math.max(1, (long) Math.ceil((1 - this.tokens) / this.perNano / 1_000_000_000d));
	}

}
