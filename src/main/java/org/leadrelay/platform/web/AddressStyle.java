package org.leadrelay.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The order in which a country's post writes an address, for the countries LeadRelay's
 * partners and customers are in; any other country gets the order most of Europe uses.
 */
enum AddressStyle {

	/** Hungary: the town first, then the street ({@code 1051 Budapest, Fő utca 1.}). */
	TOWN_FIRST,

	/** Most of Europe: the street, then postcode and town ({@code 1060 Wien}). */
	STREET_FIRST,

	/** The US and Canada: town, state and ZIP code ({@code Seattle, WA 98101}). */
	TOWN_STATE_ZIP,

	/** Australia: as in the US, without the comma ({@code Sydney NSW 2000}). */
	TOWN_STATE_POSTCODE,

	/** The UK and Ireland: the town, then the postcode on its own. */
	POSTCODE_LAST;

	private static final Map<String, AddressStyle> BY_COUNTRY = Map.of("HU", TOWN_FIRST, "US", TOWN_STATE_ZIP, "CA",
			TOWN_STATE_ZIP, "AU", TOWN_STATE_POSTCODE, "GB", POSTCODE_LAST, "IE", POSTCODE_LAST);

	static AddressStyle of(@Nullable String country) {
		return country == null ? STREET_FIRST : BY_COUNTRY.getOrDefault(country, STREET_FIRST);
	}

	/** The address's lines in this order, without the country; absent parts left out. */
	List<String> lines(@Nullable String line1, @Nullable String line2, @Nullable String postalCode,
			@Nullable String city, @Nullable String region) {
		List<String> lines = new ArrayList<>();
		if (this == TOWN_FIRST) {
			add(lines, join(" ", postalCode, city));
		}
		add(lines, line1);
		add(lines, line2);
		switch (this) {
			case STREET_FIRST -> add(lines, join(" ", postalCode, city));
			case TOWN_STATE_ZIP -> add(lines, (region == null || region.isBlank()) ? join(" ", city, postalCode)
					: join(", ", city, join(" ", region, postalCode)));
			case TOWN_STATE_POSTCODE -> add(lines, join(" ", city, region, postalCode));
			case POSTCODE_LAST -> {
				add(lines, city);
				add(lines, postalCode);
			}
			case TOWN_FIRST -> {
			}
		}
		return lines;
	}

	private static @Nullable String join(String separator, @Nullable String... parts) {
		List<String> present = new ArrayList<>();
		for (String part : parts) {
			if (part != null && !part.isBlank()) {
				present.add(part.strip());
			}
		}
		return present.isEmpty() ? null : String.join(separator, present);
	}

	private static void add(List<String> lines, @Nullable String line) {
		if (line != null && !line.isBlank()) {
			lines.add(line.strip());
		}
	}

}
