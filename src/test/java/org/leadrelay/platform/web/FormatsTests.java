package org.leadrelay.platform.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.TimeZone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dates and money read the way each language writes them, in the language the browser
 * prefers among those the UI speaks.
 */
class FormatsTests {

	final Formats formats = new Formats("Europe/Budapest");

	final Instant purchase = Instant.parse("2027-03-31T00:00:00Z");

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void english() {
		LocaleContextHolder.setLocale(Languages.ENGLISH);

		assertThat(this.formats.money(new BigDecimal("25000.00"), Currency.getInstance("EUR"))).isEqualTo("€25,000");
		assertThat(this.formats.money(new BigDecimal("1234.50"), Currency.getInstance("USD"))).isEqualTo("$1,234.50");
		assertThat(this.formats.day(this.purchase)).isEqualTo("Mar 31, 2027");
		assertThat(this.formats.dateTime(Instant.parse("2027-03-31T16:05:00Z"))).isEqualTo("Mar 31, 2027, 6:05 PM");
		assertThat(this.formats.country("HU")).isEqualTo("Hungary");
	}

	@Test
	void hungarian() {
		LocaleContextHolder.setLocale(Languages.HUNGARIAN);

		assertThat(this.formats.money(new BigDecimal("25000.00"), Currency.getInstance("HUF")))
			.isEqualTo("25\u00a0000\u00a0Ft");
		assertThat(this.formats.day(this.purchase)).isEqualTo("2027. márc. 31.");
		assertThat(this.formats.dateTime(Instant.parse("2027-03-31T16:05:00Z"))).isEqualTo("2027. márc. 31. 18:05");
		assertThat(this.formats.country("AT")).isEqualTo("Ausztria");
	}

	@Test
	void timesAreInTheZoneTheLocaleResolverFoundElseTheConfiguredOne() {
		Instant event = Instant.parse("2026-12-02T21:45:00Z");
		LocaleContextHolder.setLocaleContext(new SimpleTimeZoneAwareLocaleContext(Languages.HUNGARIAN,
				TimeZone.getTimeZone(ZoneId.of("America/New_York"))));
		assertThat(this.formats.dateTime(event)).isEqualTo("2026. dec. 2. 16:45");
		assertThat(this.formats.money(new BigDecimal("15000000.00"), Currency.getInstance("HUF")))
			.isEqualTo("15\u00a0000\u00a0000\u00a0Ft");

		LocaleContextHolder.setLocaleContext(new SimpleTimeZoneAwareLocaleContext(Languages.ENGLISH, null));
		assertThat(this.formats.dateTimeWithZone(event)).isEqualTo("Dec 2, 2026, 10:45 PM CET");
		assertThat(this.formats.address(null, null, "98101", "Seattle", "WA", "US"))
			.isEqualTo("Seattle, WA 98101, United States");
	}

	@Test
	void theBrowsersFirstLanguageThatTheUiSpeaksWinsElseEnglish() {
		assertThat(Languages.preferred(browser("de-AT, hu;q=0.8, en;q=0.5"))).isEqualTo(Languages.HUNGARIAN);
		assertThat(Languages.preferred(browser("en-GB, hu;q=0.8"))).isEqualTo(Languages.ENGLISH);
		assertThat(Languages.preferred(browser("de-AT"))).isEqualTo(Languages.ENGLISH);
		assertThat(Languages.preferred(browser("not a language range;;"))).isEqualTo(Languages.ENGLISH);
	}

	private static MockHttpServletRequest browser(String acceptLanguage) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Accept-Language", acceptLanguage);
		return request;
	}

}
