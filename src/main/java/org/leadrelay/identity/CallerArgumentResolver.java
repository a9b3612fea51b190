package org.leadrelay.identity;

import org.leadrelay.shared.Caller;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets any controller method declare a {@link Caller} parameter, whatever way the request
 * was authenticated.
 */
final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Caller.class.equals(parameter.getParameterType());
	}

	@Override
	public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		return current(SecurityContextHolder.getContext().getAuthentication());
	}

	static Caller current(Authentication authentication) {
		if (authentication instanceof CallerAuthentication token) {
			return token.caller();
		}
		if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
			return user.caller();
		}
		throw new AuthenticationCredentialsNotFoundException("Not signed in");
	}

}
