package org.leadrelay.identity;

import java.io.IOException;
import java.time.ZoneId;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.leadrelay.platform.web.Languages;
import org.leadrelay.platform.web.TimeZones;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After a successful sign-in, gives a user who never signed in before the browser's
 * defaults (see {@link UserAccounts#settleFirstSignIn}): the zone the sign-in page's
 * script puts in its hidden {@code timeZone} field (without script, or for a zone people
 * cannot choose, the configured default) and the {@code Accept-Language} language. Then
 * goes on to the page that asked for sign-in, as usual.
 */
class FirstSignIn extends SavedRequestAwareAuthenticationSuccessHandler {

	static final String ZONE_FIELD = "timeZone";

	private final UserAccounts users;

	private final ZoneId defaultZone;

	FirstSignIn(UserAccounts users, ZoneId defaultZone) {
		this.users = users;
		this.defaultZone = defaultZone;
		setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		if (authentication.getPrincipal() instanceof SignedInUser user) {
			ZoneId zone = TimeZones.offered(request.getParameter(ZONE_FIELD));
			user.caller()
				.userId()
				.ifPresent(id -> this.users.settleFirstSignIn(id, Languages.ofBrowser(request),
						zone == null ? this.defaultZone : zone));
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}

}
