package org.leadrelay.platform;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every failure of a REST controller to a problem+json answer (see
 * {@link ApiProblem}). Domain refusals keep their message; unexpected failures are logged
 * and answered without internals. The content type is set rather than negotiated, so a
 * client whose {@code Accept} the API cannot serve (a 406) still learns why.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> domain(DomainException ex, HttpServletRequest request) {
		ProblemDetail problem = ApiProblem.of(ex.code(), ex.getMessage(), ex.target(), request.getRequestURI());
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		log.error("Request {} {} failed", request.getMethod(), request.getRequestURI(), ex);
		ProblemDetail problem = ApiProblem.of(HttpStatus.INTERNAL_SERVER_ERROR, "internalServerError",
				"LeadRelay could not complete the request; it was logged. Retrying may help.", null,
				request.getRequestURI());
		return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getCause();
		String message = "The request body is not valid JSON";
		String target = null;
		if (cause instanceof JacksonException json) {
			target = path(json);
			if (json instanceof UnrecognizedPropertyException unknown) {
				message = "Unknown field '" + target + "'";
			}
			else if (json instanceof InvalidFormatException format) {
				message = "Field '" + target + "' has an invalid value '" + format.getValue() + "'";
			}
			else if (json instanceof InvalidNullException && target != null) {
				message = "Field '" + target + "' may not be null";
			}
			else if (json instanceof MismatchedInputException mismatch && target != null) {
				message = "Field '" + target + "' has the wrong type" + (mismatch.getTargetType() == null ? ""
						: " (expected " + typeName(mismatch.getTargetType()) + ")");
			}
			else if (json.getCause() instanceof DomainException domain) {
				message = domain.getMessage();
				target = domain.target() != null ? domain.target() : target;
			}
			else {
				message = "The request body is not valid JSON: " + json.getOriginalMessage();
			}
		}
		return problem(HttpStatus.BAD_REQUEST, message, target, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = ex.getBindingResult().getFieldErrors();
		String message = errors.stream()
			.map(error -> error.getField().replace('.', '/') + ": " + error.getDefaultMessage())
			.collect(Collectors.joining("; "));
		String target = errors.isEmpty() ? null : errors.get(0).getField().replace('.', '/');
		return problem(HttpStatus.BAD_REQUEST, message.isEmpty() ? "Invalid request" : message, target, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem) {
			if (problem.getProperties() == null || !problem.getProperties().containsKey("error")) {
				ApiProblem.decorate(problem, ApiProblem.code(statusCode.value()), null);
			}
			HttpHeaders problemHeaders = new HttpHeaders();
			problemHeaders.putAll(response.getHeaders());
			problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
			return new ResponseEntity<>(problem, problemHeaders, response.getStatusCode());
		}
		return response;
	}

	private ResponseEntity<Object> problem(HttpStatus status, String message, @Nullable String target,
			WebRequest request) {
		ProblemDetail problem = ApiProblem.of(ApiProblem.codeFor(status.value()), message, target,
				request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : null);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/**
	 * A JSON path such as {@code details/dealValue} or
	 * {@code customerProfile/team/0/email}.
	 */
	private static @Nullable String path(JacksonException ex) {
		if (ex.getPath().isEmpty()) {
			return null;
		}
		return ex.getPath()
			.stream()
			.map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
					: String.valueOf(reference.getIndex()))
			.collect(Collectors.joining("/"));
	}

	private static String typeName(Class<?> type) {
		if (type == String.class) {
			return "a string";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
			return "a number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (List.class.isAssignableFrom(type) || type.isArray()) {
			return "an array";
		}
		return "an object";
	}

}
