package org.leadrelay.platform.web;

import java.util.Locale;
import java.util.TimeZone;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.leadrelay.platform.web.PersonalLanguage.Settings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.servlet.i18n.AbstractLocaleContextResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The language and time zone of a request. A signed-in user's come from their settings (a
 * {@code ?lang=} switch overrides the language for the rest of their session only);
 * anybody else gets the language they chose with the switch (a cookie), else the
 * browser's, and the configured zone.
 * <p>
 * The context it returns is read lazily, so that a switch in this very request is seen by
 * {@code LocaleContextHolder} too.
 */
final class PersonalLocaleResolver extends AbstractLocaleContextResolver {

	static final String SESSION_LANGUAGE = PersonalLocaleResolver.class.getName() + ".LANGUAGE";

	private final CookieLocaleResolver anonymous;

	/**
	 * The identity module's bean, looked up once: each lookup through the provider
	 * matches every bean's type again, on every call of a request's locale.
	 */
	private final SingletonSupplier<PersonalLanguage> personal;

	private final TimeZone defaultZone;

	PersonalLocaleResolver(CookieLocaleResolver anonymous, ObjectProvider<PersonalLanguage> personal,
			TimeZone defaultZone) {
		this.anonymous = anonymous;
		this.personal = SingletonSupplier.of(personal::getIfAvailable);
		this.defaultZone = defaultZone;
		setDefaultTimeZone(defaultZone);
	}

	@Override
	public LocaleContext resolveLocaleContext(HttpServletRequest request) {
		return new TimeZoneAwareLocaleContext() {

			@Override
			public Locale getLocale() {
				return locale(request);
			}

			@Override
			public TimeZone getTimeZone() {
				Settings settings = settings(request);
				return settings == null || settings.zone() == null ? PersonalLocaleResolver.this.defaultZone
						: settings.zone();
			}

		};
	}

	@Override
	public void setLocaleContext(HttpServletRequest request, @Nullable HttpServletResponse response,
			@Nullable LocaleContext context) {
		Locale locale = context == null ? null : context.getLocale();
		if (settings(request) != null) {
			request.getSession().setAttribute(SESSION_LANGUAGE, locale);
		}
		else {
			this.anonymous.setLocaleContext(request, response, context);
		}
	}

	private Locale locale(HttpServletRequest request) {
		Settings settings = settings(request);
		if (settings == null) {
			return this.anonymous.resolveLocale(request);
		}
		HttpSession session = request.getSession(false);
		Object chosen = session == null ? null : session.getAttribute(SESSION_LANGUAGE);
		return chosen instanceof Locale locale ? locale : settings.language();
	}

	private @Nullable Settings settings(HttpServletRequest request) {
		PersonalLanguage language = this.personal.get();
		return language == null ? null : language.of(request);
	}

}
