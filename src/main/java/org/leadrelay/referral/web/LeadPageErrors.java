package org.leadrelay.referral.web;

import org.leadrelay.platform.web.PageErrors;

import org.springframework.web.bind.annotation.ControllerAdvice;

/** The lead pages answer refusals as {@link PageErrors} describes. */
@ControllerAdvice(basePackageClasses = LeadPageErrors.class)
class LeadPageErrors extends PageErrors {

}
