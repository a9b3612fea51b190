package org.leadrelay.crm.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A call to a CRM that did not succeed, with a message that says exactly what the CRM
 * answered (never a secret or a token).
 */
public class CrmCallException extends RuntimeException {

	private final boolean retryable;

	private final @Nullable Integer status;

	private final @Nullable Duration retryAfter;

	public CrmCallException(String message, boolean retryable, @Nullable Integer status,
			@Nullable Duration retryAfter) {
		super(message);
		this.retryable = retryable;
		this.status = status;
		this.retryAfter = retryAfter;
	}

	/** A refusal that trying again will not change (until someone fixes something). */
	public static CrmCallException permanent(String message) {
		return new CrmCallException(message, false, null, null);
	}

	/**
	 * Whether trying again later may succeed: timeouts, unreachable hosts, {@code 429}
	 * and {@code 5xx}.
	 */
	public boolean retryable() {
		return this.retryable;
	}

	/** The CRM's HTTP status, if it answered. */
	public @Nullable Integer status() {
		return this.status;
	}

	/** How long the CRM asked LeadRelay to wait ({@code Retry-After}), if it did. */
	public @Nullable Duration retryAfter() {
		return this.retryAfter;
	}

	/** The CRM throttles LeadRelay: every call to it should wait. */
	public boolean throttled() {
		return this.status != null && this.status == 429;
	}

	public boolean notFound() {
		return this.status != null && this.status == 404;
	}

}
