package org.leadrelay.platform.web;

import java.math.BigDecimal;
import java.text.Collator;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formats dates, times and money for the current request's language, for templates
 * ({@code ${@formats.money(...)}}).
 */
@Component("formats")
public class Formats {

	private final ZoneId zone;

	private final Map<Locale, List<Country>> countries = new ConcurrentHashMap<>();

	Formats(@Value("${leadrelay.web.time-zone:#{T(java.time.ZoneId).systemDefault().id}}") String zone) {
		this.zone = ZoneId.of(zone);
	}

	/** A moment as a date and time in the UI's time zone. */
	public String dateTime(@Nullable Instant instant) {
		return instant == null ? ""
				: DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
					.withLocale(locale())
					.withZone(this.zone)
					.format(instant);
	}

	/**
	 * A calendar day stored as its midnight UTC (estimated purchase dates), shown as that
	 * day wherever the viewer is.
	 */
	public String day(@Nullable Instant instant) {
		return instant == null ? ""
				: DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
					.withLocale(locale())
					.withZone(ZoneOffset.UTC)
					.format(instant);
	}

	public String money(@Nullable BigDecimal amount, @Nullable Currency currency) {
		if (amount == null || currency == null) {
			return "";
		}
		NumberFormat format = NumberFormat.getCurrencyInstance(locale());
		format.setCurrency(currency);
		format.setMinimumFractionDigits(amount.stripTrailingZeros().scale() > 0 ? 2 : 0);
		format.setMaximumFractionDigits(2);
		return format.format(amount);
	}

	/** A country's name in the UI's language, from its ISO 3166 code. */
	public String country(@Nullable String code) {
		return code == null ? "" : new Locale.Builder().setRegion(code).build().getDisplayCountry(locale());
	}

	/**
	 * Every country, by its name in the UI's language, for the choices of a form; worked
	 * out once per language.
	 */
	public List<Country> countries() {
		return this.countries.computeIfAbsent(locale(), locale -> {
			Collator collator = Collator.getInstance(locale);
			return Arrays.stream(Locale.getISOCountries())
				.map(code -> new Country(code, new Locale.Builder().setRegion(code).build().getDisplayCountry(locale)))
				.sorted(Comparator.comparing(Country::name, collator))
				.toList();
		});
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

	/** A country's ISO 3166 code and name. */
	public record Country(String code, String name) {
	}

}
