package org.leadrelay.shared;

/**
 * The error codes of the Referrals API ({@code error.code}); the web layer maps each to
 * its HTTP status.
 */
public enum ErrorCode {

	INVALID_REQUEST("invalidRequest"), UNAUTHENTICATED("unauthenticated"), ACCESS_DENIED("accessDenied"),
	ITEM_NOT_FOUND("itemNotFound"), PRECONDITION_FAILED("preconditionFailed"),
	/** A change that must name the version it replaces (If-Match) did not (HTTP 428). */
	PRECONDITION_REQUIRED("preconditionRequired"), RESOURCE_MODIFIED("resourceModified"), CONFLICT("conflict"),
	/** An Idempotency-Key reused with a different request (HTTP 422). */
	IDEMPOTENCY_KEY_REUSED("conflict");

	private final String code;

	ErrorCode(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}
