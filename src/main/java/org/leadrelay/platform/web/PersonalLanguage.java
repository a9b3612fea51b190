package org.leadrelay.platform.web;

import java.util.Locale;
import java.util.TimeZone;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in user's own language and time zone, which the module that knows users
 * (identity) provides; the web UI speaks it instead of the browser's.
 */
public interface PersonalLanguage {

	/** The language and zone of the user signed in to this request; null for nobody. */
	@Nullable Settings of(HttpServletRequest request);

	/**
	 * Drops a {@code ?lang=} switch made earlier in the session, so that the user's saved
	 * language applies again.
	 */
	static void forgetSessionChoice(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(PersonalLocaleResolver.SESSION_LANGUAGE);
		}
	}

	/**
	 * @param zone null while the user has none yet (the default zone applies)
	 */
	record Settings(Locale language, @Nullable TimeZone zone) {
	}

}
