package org.leadrelay.platform.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Money, dates, times, countries and addresses as one reader reads them: in their
 * language and their time zone. Pages get one for the current request from
 * {@link Formats}; mails make one for their recipient.
 */
public final class LocaleFormats {

	/**
	 * Currencies whose minor unit ISO 4217 still lists but nobody writes: forints are
	 * priced in whole forints.
	 */
	private static final Map<String, Integer> FRACTION_DIGITS_IN_USE = Map.of("HUF", 0);

	/**
	 * A currency code (or other letters) right against the digits ("HUF15,000,000"),
	 * where CLDR's currency spacing puts a space that Java's formats leave out.
	 */
	private static final Pattern LETTERS_AGAINST_DIGITS = Pattern.compile("(?<=\\p{L})(?=\\d)|(?<=\\d)(?=\\p{L})");

	private static final Pattern PLAIN_AMOUNT = Pattern.compile("-?\\d+(\\.\\d+)?");

	private final Locale locale;

	private final ZoneId zone;

	private LocaleFormats(Locale locale, ZoneId zone) {
		this.locale = locale;
		this.zone = zone;
	}

	public static LocaleFormats of(Locale locale, ZoneId zone) {
		return new LocaleFormats(locale, zone);
	}

	public Locale locale() {
		return this.locale;
	}

	/**
	 * An amount with its currency the language's way ({@code €30,000},
	 * {@code 15 000 000 Ft}): decimals only when the amount has any, and never more than
	 * the currency uses.
	 */
	public String money(@Nullable BigDecimal amount, @Nullable Currency currency) {
		if (amount == null || currency == null) {
			return "";
		}
		int digits = fractionDigits(currency);
		NumberFormat format = NumberFormat.getCurrencyInstance(this.locale);
		format.setCurrency(currency);
		format.setRoundingMode(RoundingMode.HALF_UP);
		format.setMinimumFractionDigits(amount.stripTrailingZeros().scale() > 0 ? digits : 0);
		format.setMaximumFractionDigits(digits);
		return LETTERS_AGAINST_DIGITS.matcher(format.format(amount)).replaceAll("\u00a0");
	}

	/** A moment as a date and time in the reader's zone. */
	public String dateTime(@Nullable Instant instant) {
		return instant == null ? "" : dateTimeFormat().format(instant);
	}

	/**
	 * A moment with its zone named ({@code 2 Dec 2026, 22:45 CET}), for deadlines and the
	 * record of who did what when, where a reader may compare it with another clock.
	 */
	public String dateTimeWithZone(@Nullable Instant instant) {
		return instant == null ? "" : dateTimeFormat().format(instant) + " " + zoneName(instant);
	}

	/** The zone's short name then ({@code CET}, {@code CEST}); a bare offset as UTC's. */
	private String zoneName(Instant instant) {
		if (this.zone instanceof ZoneOffset offset) {
			return offset.equals(ZoneOffset.UTC) ? "UTC" : "UTC" + offset.getId();
		}
		return DateTimeFormatter.ofPattern("z", this.locale).withZone(this.zone).format(instant);
	}

	/**
	 * A calendar day stored as its midnight UTC (estimated purchase dates), shown as that
	 * day wherever the reader is.
	 */
	public String day(@Nullable Instant instant) {
		return instant == null ? ""
				: DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
					.withLocale(this.locale)
					.withZone(ZoneOffset.UTC)
					.format(instant);
	}

	/** A country's name in the reader's language, from its ISO 3166 code. */
	public String country(@Nullable String code) {
		return code == null ? "" : new Locale.Builder().setRegion(code).build().getDisplayCountry(this.locale);
	}

	/**
	 * An address on one line, its parts in the order of its country's post, then the
	 * country's name: {@code 1051 Budapest, Fő utca 1., Hungary},
	 * {@code 400 Pine St, Seattle, WA 98101, United States}.
	 */
	public String address(@Nullable String line1, @Nullable String line2, @Nullable String postalCode,
			@Nullable String city, @Nullable String region, @Nullable String country) {
		StringBuilder text = new StringBuilder();
		for (String line : AddressStyle.of(country).lines(line1, line2, postalCode, city, region)) {
			text.append(line).append(", ");
		}
		return text.append(country(country)).toString();
	}

	/**
	 * An amount typed into a form the reader's way ({@code 12 500 000,50} in Hungarian,
	 * {@code 12,500,000.50} in English) or as a browser's number field sends it
	 * ({@code 12500000.5}).
	 * @throws IllegalArgumentException when the text is not an amount
	 */
	public static BigDecimal parseAmount(String text, Locale locale) {
		String digits = text.strip().replaceAll("[\\s\u00a0\u202f']", "");
		boolean decimalComma = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator() == ',';
		if (decimalComma && digits.indexOf(',') >= 0) {
			digits = digits.replace(".", "").replace(',', '.');
		}
		else if (decimalComma && digits.indexOf('.') != digits.lastIndexOf('.')) {
			digits = digits.replace(".", "");
		}
		else if (!decimalComma) {
			digits = digits.replace(",", "");
		}
		if (!PLAIN_AMOUNT.matcher(digits).matches()) {
			throw new IllegalArgumentException("Not an amount: " + text);
		}
		return new BigDecimal(digits);
	}

	/**
	 * An amount as forms and files carry it: plain digits with a point, no trailing zeros
	 * ({@code 12500000}, {@code 25000.5}).
	 */
	public static String plainAmount(BigDecimal amount) {
		return plain(amount).toPlainString();
	}

	/**
	 * An amount without trailing zeros, whose text is still plain digits
	 * ({@code 12500000.00} becomes {@code 12500000}, not {@code 1.25E+7}).
	 */
	public static BigDecimal plain(BigDecimal amount) {
		BigDecimal stripped = amount.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	private DateTimeFormatter dateTimeFormat() {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(this.locale)
			.withZone(this.zone);
	}

	private static int fractionDigits(Currency currency) {
		return FRACTION_DIGITS_IN_USE.getOrDefault(currency.getCurrencyCode(),
				Math.max(currency.getDefaultFractionDigits(), 0));
	}

}
