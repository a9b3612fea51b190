package org.leadrelay.shared;

import org.jspecify.annotations.Nullable;

/**
 * A request that the domain refuses, with the API error code it maps to and, where one
 * field is to blame, that field ({@code target}, e.g. {@code details/dealValue}).
 */
public class DomainException extends RuntimeException {

	private final ErrorCode code;

	private final @Nullable String target;

	public DomainException(ErrorCode code, String message, @Nullable String target) {
		super(message);
		this.code = code;
		this.target = target;
	}

	public ErrorCode code() {
		return this.code;
	}

	public @Nullable String target() {
		return this.target;
	}

	public static DomainException invalid(String target, String message) {
		return new DomainException(ErrorCode.INVALID_REQUEST, message, target);
	}

	public static DomainException notFound(String message) {
		return new DomainException(ErrorCode.ITEM_NOT_FOUND, message, null);
	}

	public static DomainException accessDenied(String message) {
		return new DomainException(ErrorCode.ACCESS_DENIED, message, null);
	}

	public static DomainException conflict(String message) {
		return new DomainException(ErrorCode.CONFLICT, message, null);
	}

}
