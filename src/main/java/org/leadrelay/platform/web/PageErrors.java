package org.leadrelay.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * How the pages of the web UI answer refusals. Something outside the caller's scope
 * (another organization's, or nothing at all, such as a malformed id in the URL) is a
 * plain "not found" page, never "forbidden", so it tells nothing about what is there; an
 * action the caller's role does not allow is "forbidden"; anything else is logged and
 * answered without internals. REST controllers are controllers too, but
 * {@code platform.ApiErrors} comes first for them and answers problem+json.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

	private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

	@ExceptionHandler(DomainException.class)
	String refused(DomainException ex, HttpServletResponse response) {
		if (ex.code() == ErrorCode.ITEM_NOT_FOUND) {
			return notFound(response);
		}
		if (ex.code() == ErrorCode.ACCESS_DENIED) {
			response.setStatus(HttpStatus.FORBIDDEN.value());
			return "error/403";
		}
		log.error("A page failed", ex);
		response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
		return "error";
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	String unreadable(MethodArgumentTypeMismatchException ex, HttpServletResponse response) {
		return notFound(response);
	}

	private static String notFound(HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return "error/404";
	}

}
