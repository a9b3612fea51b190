package org.leadrelay.identity;

import java.util.Optional;
import java.util.TimeZone;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.leadrelay.platform.web.Languages;
import org.leadrelay.platform.web.PersonalLanguage;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The signed-in user's language and time zone for the web UI, read once per request (a
 * setting saved elsewhere applies from the next page on, in every session of the user).
 */
@Component
class UserLanguage implements PersonalLanguage {

	private static final String ATTRIBUTE = UserLanguage.class.getName();

	private final UserRepository users;

	UserLanguage(UserRepository users) {
		this.users = users;
	}

	@Override
	public @Nullable Settings of(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof SignedInUser user)) {
			return null;
		}
		Object known = request.getAttribute(ATTRIBUTE);
		if (known instanceof Lookup lookup && lookup.principal() == user) {
			return lookup.settings().orElse(null);
		}
		Optional<Settings> settings = user.caller()
			.userId()
			.flatMap(this.users::findSettings)
			.map(found -> new Settings(Languages.supportedOrEnglish(found.language()),
					found.zone() == null ? null : TimeZone.getTimeZone(found.zone())));
		request.setAttribute(ATTRIBUTE, new Lookup(user, settings));
		return settings.orElse(null);
	}

	/** One lookup, for the user it was made for. */
	private record Lookup(SignedInUser principal, Optional<Settings> settings) {
	}

}
