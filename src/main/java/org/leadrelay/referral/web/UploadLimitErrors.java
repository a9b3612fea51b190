package org.leadrelay.referral.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A file over the upload limit ({@code spring.servlet.multipart.max-file-size}) is
 * refused before any controller sees it, so no controller's own handler applies: this
 * advice (for every controller, as the handler is not known yet) sends the user back to
 * the import page, which says so.
 */
@ControllerAdvice
class UploadLimitErrors {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge() {
		return "redirect:/leads/imports?tooLarge";
	}

}
