package org.leadrelay.marketplace;

import java.time.Duration;

/**
 * Too many inquiries came from the customer's address lately.
 *
 * @see MarketplaceProperties#inquiryRateLimit()
 */
public class InquiryRateLimited extends RuntimeException {

	private final int limit;

	private final Duration window;

	private final Duration retryAfter;

	InquiryRateLimited(int limit, Duration window, Duration retryAfter) {
		super("At most " + limit + " inquiries per " + window + " from one address; retry after " + retryAfter);
		this.limit = limit;
		this.window = window;
		this.retryAfter = retryAfter;
	}

	public int limit() {
		return this.limit;
	}

	public Duration window() {
		return this.window;
	}

	/** How long until one more inquiry is accepted. */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
