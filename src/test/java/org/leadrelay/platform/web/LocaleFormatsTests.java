package org.leadrelay.platform.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Money in the currency's own digits, times in the reader's zone across daylight saving
 * time, addresses in their country's order: in English and in Hungarian.
 */
class LocaleFormatsTests {

	static final ZoneId BUDAPEST = ZoneId.of("Europe/Budapest");

	final LocaleFormats english = LocaleFormats.of(Languages.ENGLISH, BUDAPEST);

	final LocaleFormats hungarian = LocaleFormats.of(Languages.HUNGARIAN, BUDAPEST);

	@Test
	void moneyInEnglish() {
		assertThat(this.english.money(amount("15000000.00"), currency("HUF"))).isEqualTo("HUF\u00a015,000,000");
		assertThat(this.english.money(amount("125000.50"), currency("HUF"))).as("forints have no fillér")
			.isEqualTo("HUF\u00a0125,001");
		assertThat(this.english.money(amount("30000.00"), currency("EUR"))).isEqualTo("€30,000");
		assertThat(this.english.money(amount("30000.5"), currency("EUR"))).isEqualTo("€30,000.50");
		assertThat(this.english.money(amount("1234.56"), currency("USD"))).isEqualTo("$1,234.56");
		assertThat(this.english.money(null, currency("USD"))).isEmpty();
	}

	@Test
	void moneyInHungarian() {
		assertThat(this.hungarian.money(amount("15000000.00"), currency("HUF")))
			.isEqualTo("15\u00a0000\u00a0000\u00a0Ft");
		assertThat(this.hungarian.money(amount("12500000"), currency("HUF"))).isEqualTo("12\u00a0500\u00a0000\u00a0Ft");
		assertThat(this.hungarian.money(amount("30000.00"), currency("EUR"))).isEqualTo("30\u00a0000\u00a0EUR");
		assertThat(this.hungarian.money(amount("1234.5"), currency("USD"))).isEqualTo("1\u00a0234,50\u00a0USD");
	}

	@Test
	void timesInTheReadersZoneAcrossDaylightSavingTime() {
		// Budapest moved its clocks from 02:00 CET to 03:00 CEST on 29 March 2026
		Instant beforeTheChange = Instant.parse("2026-03-29T00:30:00Z");
		Instant afterTheChange = Instant.parse("2026-03-29T01:30:00Z");
		assertThat(this.hungarian.dateTimeWithZone(beforeTheChange)).isEqualTo("2026. márc. 29. 1:30 CET");
		assertThat(this.hungarian.dateTimeWithZone(afterTheChange)).isEqualTo("2026. márc. 29. 3:30 CEST");
		assertThat(this.english.dateTimeWithZone(afterTheChange)).isEqualTo("Mar 29, 2026, 3:30 AM CEST");
		// and back on 25 October: 21:45 UTC is 22:45 in winter, 23:45 in summer
		assertThat(this.hungarian.dateTime(Instant.parse("2026-12-02T21:45:00Z"))).isEqualTo("2026. dec. 2. 22:45");
		assertThat(this.hungarian.dateTime(Instant.parse("2026-07-02T21:45:00Z"))).isEqualTo("2026. júl. 2. 23:45");
		assertThat(LocaleFormats.of(Languages.ENGLISH, ZoneId.of("America/Los_Angeles"))
			.dateTimeWithZone(Instant.parse("2026-12-02T21:45:00Z"))).isEqualTo("Dec 2, 2026, 1:45 PM PST");
		assertThat(LocaleFormats.of(Languages.HUNGARIAN, ZoneOffset.UTC)
			.dateTimeWithZone(Instant.parse("2026-12-02T21:45:00Z"))).isEqualTo("2026. dec. 2. 21:45 UTC");
		assertThat(LocaleFormats.of(Languages.ENGLISH, ZoneOffset.ofHours(2))
			.dateTimeWithZone(Instant.parse("2026-12-02T21:45:00Z"))).isEqualTo("Dec 2, 2026, 11:45 PM UTC+02:00");
	}

	@Test
	void aPurchaseDateIsTheSameDayEverywhere() {
		Instant day = Instant.parse("2027-03-31T00:00:00Z");
		assertThat(this.hungarian.day(day)).isEqualTo("2027. márc. 31.");
		assertThat(LocaleFormats.of(Languages.ENGLISH, ZoneId.of("America/Los_Angeles")).day(day))
			.isEqualTo("Mar 31, 2027");
	}

	@Test
	void addressesInTheirCountrysOrder() {
		assertThat(this.english.address("Fő utca 1.", null, "1051", "Budapest", null, "HU"))
			.isEqualTo("1051 Budapest, Fő utca 1., Hungary");
		assertThat(this.hungarian.address("Fő utca 1.", null, "1051", "Budapest", null, "HU"))
			.isEqualTo("1051 Budapest, Fő utca 1., Magyarország");
		assertThat(this.english.address("400 Pine St", "Suite 200", "98101", "Seattle", "WA", "US"))
			.isEqualTo("400 Pine St, Suite 200, Seattle, WA 98101, United States");
		assertThat(this.english.address(null, null, "98101", "Seattle", null, "US"))
			.isEqualTo("Seattle 98101, United States");
		assertThat(this.english.address("10 Downing Street", null, "SW1A 2AA", "London", null, "GB"))
			.isEqualTo("10 Downing Street, London, SW1A 2AA, United Kingdom");
		assertThat(this.hungarian.address("Unter den Linden 1", null, "10117", "Berlin", null, "DE"))
			.isEqualTo("Unter den Linden 1, 10117 Berlin, Németország");
		assertThat(this.english.address("Mariahilfer Straße 77", null, "1060", "Vienna", null, "AT"))
			.as("a country without its own entry: most of Europe's order")
			.isEqualTo("Mariahilfer Straße 77, 1060 Vienna, Austria");
		assertThat(this.english.address(null, " ", null, "Debrecen", null, "HU")).isEqualTo("Debrecen, Hungary");
	}

	@Test
	void amountsAreReadAsTheUserWritesThem() {
		Locale hu = Languages.HUNGARIAN;
		Locale en = Languages.ENGLISH;
		assertThat(LocaleFormats.parseAmount("12 500 000,50", hu)).isEqualByComparingTo("12500000.50");
		assertThat(LocaleFormats.parseAmount("12\u00a0500\u00a0000", hu)).isEqualByComparingTo("12500000");
		assertThat(LocaleFormats.parseAmount("12.500.000", hu)).isEqualByComparingTo("12500000");
		assertThat(LocaleFormats.parseAmount("12500000.5", hu)).as("as a number field sends it")
			.isEqualByComparingTo("12500000.5");
		assertThat(LocaleFormats.parseAmount("12,500,000.50", en)).isEqualByComparingTo("12500000.50");
		assertThat(LocaleFormats.parseAmount("30000", en)).isEqualByComparingTo("30000");
		assertThatIllegalArgumentException().isThrownBy(() -> LocaleFormats.parseAmount("lots", en));
		assertThatIllegalArgumentException().isThrownBy(() -> LocaleFormats.parseAmount("1,5,3", hu));
		assertThatIllegalArgumentException().isThrownBy(() -> LocaleFormats.parseAmount("1e9", en));
	}

	@Test
	void formsShowAmountsWithoutSpuriousZeros() {
		assertThat(LocaleFormats.plainAmount(amount("12500000.00"))).isEqualTo("12500000");
		assertThat(LocaleFormats.plainAmount(amount("25000.50"))).isEqualTo("25000.5");
		assertThat(LocaleFormats.plainAmount(amount("0.00"))).isEqualTo("0");
		assertThat(LocaleFormats.plain(amount("12500000.00")).toString()).isEqualTo("12500000");
	}

	private static BigDecimal amount(String text) {
		return new BigDecimal(text);
	}

	private static Currency currency(String code) {
		return Currency.getInstance(code);
	}

}
