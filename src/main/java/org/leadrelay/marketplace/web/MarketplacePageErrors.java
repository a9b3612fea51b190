package org.leadrelay.marketplace.web;

import org.leadrelay.platform.web.PageErrors;

import org.springframework.web.bind.annotation.ControllerAdvice;

/** The marketplace pages answer refusals as {@link PageErrors} describes. */
@ControllerAdvice(basePackageClasses = MarketplacePageErrors.class)
class MarketplacePageErrors extends PageErrors {

}
