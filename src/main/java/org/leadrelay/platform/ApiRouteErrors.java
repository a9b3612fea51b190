package org.leadrelay.platform;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.CollectionUtils;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Problem+json for requests to the API that no controller method takes: an unknown route,
 * a method the route does not have (405), a body type it does not read (415) or an answer
 * type it cannot give (406), also under the webhook registration API. Spring refuses
 * these before choosing a controller, so {@link ApiErrors} (which speaks for the REST
 * controllers) never sees them. Outside the API the refusal goes on to the web UI's error
 * pages.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiRouteErrors {

	@ExceptionHandler({ NoHandlerFoundException.class, NoResourceFoundException.class })
	ResponseEntity<ProblemDetail> unknownRoute(Exception ex, HttpServletRequest request) throws Exception {
		return answer(ex, request, HttpStatus.NOT_FOUND, "There is no " + request.getRequestURI() + " in the API",
				new HttpHeaders());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException ex,
			HttpServletRequest request) throws Exception {
		HttpHeaders headers = new HttpHeaders();
		if (!CollectionUtils.isEmpty(ex.getSupportedHttpMethods())) {
			headers.setAllow(ex.getSupportedHttpMethods());
		}
		return answer(ex, request, HttpStatus.METHOD_NOT_ALLOWED, request.getMethod() + " is not allowed on "
				+ request.getRequestURI() + "; allowed: "
				+ String.join(", ", ex.getSupportedMethods() == null ? new String[0] : ex.getSupportedMethods()),
				headers);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException ex,
			HttpServletRequest request) throws Exception {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(ex.getSupportedMediaTypes());
		return answer(ex, request, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"Content-Type " + ex.getContentType() + " is not supported; send application/json", headers);
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletRequest request)
			throws Exception {
		return answer(ex, request, HttpStatus.NOT_ACCEPTABLE, "The API answers application/json; Accept "
				+ request.getHeader(HttpHeaders.ACCEPT) + " does not allow it", new HttpHeaders());
	}

	/**
	 * A problem for an API request; any other request's refusal is thrown on, to the
	 * handlers that answered it before.
	 */
	private static ResponseEntity<ProblemDetail> answer(Exception ex, HttpServletRequest request, HttpStatus status,
			String message, HttpHeaders headers) throws Exception {
		if (!ApiPaths.isApi(request)) {
			throw ex;
		}
		ProblemDetail problem = ApiProblem.of(status, ApiProblem.code(status.value()), message, null,
				request.getRequestURI());
		// set, not negotiated: a 406 is exactly a request whose Accept allows nothing
		return ResponseEntity.status(status)
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

}
