package org.leadrelay.crm.web;

import jakarta.servlet.http.HttpServletResponse;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Another organization's connection or lead, or none at all, is a plain "not found" page;
 * what the caller's role does not allow is "forbidden"; anything else is logged and
 * answered without internals.
 */
@ControllerAdvice(basePackageClasses = CrmPageErrors.class)
class CrmPageErrors {

	private static final Logger log = LoggerFactory.getLogger(CrmPageErrors.class);

	@ExceptionHandler(DomainException.class)
	String refused(DomainException ex, HttpServletResponse response) {
		if (ex.code() == ErrorCode.ITEM_NOT_FOUND) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "error/404";
		}
		if (ex.code() == ErrorCode.ACCESS_DENIED) {
			response.setStatus(HttpStatus.FORBIDDEN.value());
			return "error/403";
		}
		log.error("A CRM page failed", ex);
		response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
		return "error";
	}

}
