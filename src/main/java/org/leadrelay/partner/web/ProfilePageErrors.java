package org.leadrelay.partner.web;

import org.leadrelay.platform.web.PageErrors;

import org.springframework.web.bind.annotation.ControllerAdvice;

/** The profile pages answer refusals as {@link PageErrors} describes. */
@ControllerAdvice(basePackageClasses = ProfilePageErrors.class)
class ProfilePageErrors extends PageErrors {

}
