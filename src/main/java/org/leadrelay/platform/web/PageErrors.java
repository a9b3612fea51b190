package org.leadrelay.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * How the web UI's pages answer a domain refusal that no form handles: something not in
 * the caller's scope (another organization's, or nothing at all) is a plain "not found"
 * page, never "forbidden", so it tells nothing about it; an action the caller's role does
 * not allow is "forbidden"; anything else is logged and answered without internals. Each
 * package of pages applies it with a {@code @ControllerAdvice} subclass of its own (REST
 * controllers answer problem+json instead).
 */
public abstract class PageErrors {

	private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

	@ExceptionHandler(DomainException.class)
	public String refused(DomainException ex, HttpServletResponse response) {
		if (ex.code() == ErrorCode.ITEM_NOT_FOUND) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "error/404";
		}
		if (ex.code() == ErrorCode.ACCESS_DENIED) {
			response.setStatus(HttpStatus.FORBIDDEN.value());
			return "error/403";
		}
		log.error("A page failed", ex);
		response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
		return "error";
	}

}
