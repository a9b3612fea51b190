package org.leadrelay.platform;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.ErrorCode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The error body of every API response: RFC 9457 problem details that also carry the
 * Referrals API's own shape, {@code "error": {"code", "message", "target"}}, so that
 * clients written for either understand it.
 */
public final class ApiProblem {

	private ApiProblem() {
	}

	public static ProblemDetail of(ErrorCode code, String message, @Nullable String target, @Nullable String path) {
		return of(status(code), code.code(), message, target, path);
	}

	/**
	 * A problem with a status and code outside the domain's vocabulary (throttling,
	 * failures).
	 */
	public static ProblemDetail of(HttpStatus status, String code, String message, @Nullable String target,
			@Nullable String path) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
		problem.setTitle(status.getReasonPhrase());
		if (path != null) {
			problem.setInstance(URI.create(path));
		}
		decorate(problem, code, target);
		return problem;
	}

	/** Adds the Referrals API {@code error} member to a problem. */
	public static void decorate(ProblemDetail problem, String code, @Nullable String target) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("code", code);
		error.put("message", problem.getDetail() == null ? problem.getTitle() : problem.getDetail());
		if (target != null) {
			error.put("target", target);
		}
		problem.setProperty("error", error);
	}

	public static HttpStatus status(ErrorCode code) {
		return switch (code) {
			case INVALID_REQUEST -> HttpStatus.BAD_REQUEST;
			case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
			case ACCESS_DENIED -> HttpStatus.FORBIDDEN;
			case ITEM_NOT_FOUND -> HttpStatus.NOT_FOUND;
			case PRECONDITION_FAILED -> HttpStatus.PRECONDITION_FAILED;
			case PRECONDITION_REQUIRED -> HttpStatus.PRECONDITION_REQUIRED;
			case RESOURCE_MODIFIED, CONFLICT -> HttpStatus.CONFLICT;
			case IDEMPOTENCY_KEY_REUSED -> HttpStatus.UNPROCESSABLE_CONTENT;
		};
	}

	/**
	 * The {@code error.code} for an HTTP status the framework chose: the domain's code,
	 * or the protocol's for what the domain has no word for.
	 */
	public static String code(int status) {
		return switch (status) {
			case 405 -> "methodNotAllowed";
			case 406 -> "notAcceptable";
			case 415 -> "unsupportedMediaType";
			default -> codeFor(status).code();
		};
	}

	/** The API error code that best describes an HTTP status the framework chose. */
	public static ErrorCode codeFor(int status) {
		return switch (status) {
			case 401 -> ErrorCode.UNAUTHENTICATED;
			case 403 -> ErrorCode.ACCESS_DENIED;
			case 404 -> ErrorCode.ITEM_NOT_FOUND;
			case 409 -> ErrorCode.CONFLICT;
			case 412 -> ErrorCode.PRECONDITION_FAILED;
			case 428 -> ErrorCode.PRECONDITION_REQUIRED;
			default -> ErrorCode.INVALID_REQUEST;
		};
	}

}
