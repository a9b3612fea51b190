package org.leadrelay.platform.web;

import java.time.Duration;
import java.util.Locale;
import java.util.TimeZone;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The UI's language and time zone ({@link PersonalLocaleResolver}): a signed-in user's
 * own, else the browser's language until the visitor picks one with the switch in the
 * header ({@code ?lang=hu}), which a cookie then remembers. Only supported languages are
 * ever chosen, so dates and numbers never follow a locale the texts do not.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration implements WebMvcConfigurer {

	static final String PARAMETER = "lang";

	private final PersonalLocaleResolver resolver;

	LanguageConfiguration(ObjectProvider<PersonalLanguage> personal,
			@Value("${" + TimeZones.PROPERTY + ":UTC}") String defaultZone) {
		CookieLocaleResolver anonymous = new CookieLocaleResolver("leadrelay-language");
		anonymous.setCookieMaxAge(Duration.ofDays(365));
		anonymous.setDefaultLocaleFunction(Languages::preferred);
		this.resolver = new PersonalLocaleResolver(anonymous, personal, TimeZone.getTimeZone(defaultZone));
	}

	@Bean
	LocaleResolver localeResolver() {
		return this.resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				String tag = request.getParameter(PARAMETER);
				Locale chosen = tag == null ? null : Languages.supported(tag);
				if (chosen != null) {
					LanguageConfiguration.this.resolver.setLocale(request, response, chosen);
				}
				return true;
			}
		});
	}

}
