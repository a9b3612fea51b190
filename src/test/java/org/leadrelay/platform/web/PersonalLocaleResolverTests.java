package org.leadrelay.platform.web;

import java.util.Locale;
import java.util.TimeZone;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.leadrelay.platform.web.PersonalLanguage.Settings;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in user's language and zone win over the browser's; a visitor's switch is a
 * cookie, a user's lasts their session; the zone is there for
 * {@code LocaleContextHolder}.
 */
class PersonalLocaleResolverTests {

	private static final TimeZone BUDAPEST = TimeZone.getTimeZone("Europe/Budapest");

	private static final TimeZone DEFAULT = TimeZone.getTimeZone("UTC");

	@Test
	void aSignedInUserReadsTheirOwnLanguageAndZone() {
		MockHttpServletRequest request = browser("en-US");

		LocaleContext context = resolver(new Settings(Languages.HUNGARIAN, BUDAPEST)).resolveLocaleContext(request);

		assertThat(context.getLocale()).isEqualTo(Languages.HUNGARIAN);
		assertThat(((TimeZoneAwareLocaleContext) context).getTimeZone()).isEqualTo(BUDAPEST);
	}

	@Test
	void aUserWithoutAZoneYetGetsTheDefault() {
		LocaleContext context = resolver(new Settings(Languages.ENGLISH, null)).resolveLocaleContext(browser("hu"));

		assertThat(context.getLocale()).isEqualTo(Languages.ENGLISH);
		assertThat(((TimeZoneAwareLocaleContext) context).getTimeZone()).isEqualTo(DEFAULT);
	}

	@Test
	void aUsersSwitchLastsTheSessionAndIsSeenByAContextResolvedBefore() {
		PersonalLocaleResolver resolver = resolver(new Settings(Languages.HUNGARIAN, BUDAPEST));
		MockHttpServletRequest request = browser("hu");
		LocaleContext before = resolver.resolveLocaleContext(request);

		resolver.setLocale(request, new MockHttpServletResponse(), Languages.ENGLISH);

		assertThat(before.getLocale()).isEqualTo(Languages.ENGLISH);
		MockHttpServletRequest next = browser("hu");
		next.setSession(request.getSession());
		assertThat(resolver.resolveLocale(next)).isEqualTo(Languages.ENGLISH);
		PersonalLanguage.forgetSessionChoice(next);
		assertThat(resolver.resolveLocale(next)).isEqualTo(Languages.HUNGARIAN);
	}

	@Test
	void aVisitorGetsTheBrowsersLanguageUntilTheySwitchWhichACookieKeeps() {
		PersonalLocaleResolver resolver = resolver(null);
		MockHttpServletRequest request = browser("hu-HU");
		MockHttpServletResponse response = new MockHttpServletResponse();

		assertThat(resolver.resolveLocale(request)).isEqualTo(Languages.HUNGARIAN);
		resolver.setLocale(request, response, Languages.ENGLISH);

		assertThat(response.getCookie("leadrelay-language")).isNotNull();
		assertThat(((TimeZoneAwareLocaleContext) resolver.resolveLocaleContext(request)).getTimeZone())
			.isEqualTo(DEFAULT);
		assertThat(request.getSession(false)).isNull();
	}

	private static PersonalLocaleResolver resolver(@Nullable Settings user) {
		CookieLocaleResolver anonymous = new CookieLocaleResolver("leadrelay-language");
		anonymous.setDefaultLocaleFunction(Languages::preferred);
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("personal", (PersonalLanguage) request -> user);
		return new PersonalLocaleResolver(anonymous, beans.getBeanProvider(PersonalLanguage.class), DEFAULT);
	}

	private static MockHttpServletRequest browser(String acceptLanguage) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Accept-Language", acceptLanguage);
		return request;
	}

}
