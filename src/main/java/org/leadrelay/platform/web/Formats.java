package org.leadrelay.platform.web;

import java.math.BigDecimal;
import java.text.Collator;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.stereotype.Component;

/**
 * The one formatter of money, dates, times, countries and addresses, for the current
 * request's reader: their language and time zone as the locale resolver found them
 * ({@link LocaleContextHolder}), else {@code leadrelay.web.time-zone}. Templates call it
 * as {@code ${@formats.money(...)}}; mails take {@link #of(Locale, ZoneId)} for their
 * recipient.
 */
@Component("formats")
public class Formats {

	private final ZoneId defaultZone;

	private final Map<Locale, List<Country>> countries = new ConcurrentHashMap<>();

	Formats(@Value("${leadrelay.web.time-zone:#{T(java.time.ZoneId).systemDefault().id}}") String zone) {
		this.defaultZone = ZoneId.of(zone);
	}

	/** Formats for a reader outside a request, such as a mail's recipient. */
	public static LocaleFormats of(Locale locale, ZoneId zone) {
		return LocaleFormats.of(locale, zone);
	}

	/** Formats for the current request's reader. */
	public LocaleFormats current() {
		return LocaleFormats.of(LocaleContextHolder.getLocale(), zone());
	}

	public String dateTime(@Nullable Instant instant) {
		return current().dateTime(instant);
	}

	/** A date and time with its zone, for deadlines and the timeline. */
	public String dateTimeWithZone(@Nullable Instant instant) {
		return current().dateTimeWithZone(instant);
	}

	/**
	 * A calendar day stored as its midnight UTC, shown as that day wherever the reader
	 * is.
	 */
	public String day(@Nullable Instant instant) {
		return current().day(instant);
	}

	public String money(@Nullable BigDecimal amount, @Nullable Currency currency) {
		return current().money(amount, currency);
	}

	public String country(@Nullable String code) {
		return current().country(code);
	}

	/** An address on one line, in its country's order. */
	public String address(@Nullable String line1, @Nullable String line2, @Nullable String postalCode,
			@Nullable String city, @Nullable String region, @Nullable String country) {
		return current().address(line1, line2, postalCode, city, region, country);
	}

	/**
	 * Every country, by its name in the UI's language, for the choices of a form; worked
	 * out once per language.
	 */
	public List<Country> countries() {
		return this.countries.computeIfAbsent(LocaleContextHolder.getLocale(), locale -> {
			Collator collator = Collator.getInstance(locale);
			return Arrays.stream(Locale.getISOCountries())
				.map(code -> new Country(code, new Locale.Builder().setRegion(code).build().getDisplayCountry(locale)))
				.sorted(Comparator.comparing(Country::name, collator))
				.toList();
		});
	}

	/**
	 * The reader's zone, when the locale resolver knows one; {@code LocaleContextHolder}
	 * itself would fall back to the JVM's zone rather than the configured one.
	 */
	private ZoneId zone() {
		LocaleContext context = LocaleContextHolder.getLocaleContext();
		TimeZone zone = context instanceof TimeZoneAwareLocaleContext aware ? aware.getTimeZone() : null;
		return zone == null ? this.defaultZone : zone.toZoneId();
	}

	/** A country's ISO 3166 code and name. */
	public record Country(String code, String name) {
	}

}
