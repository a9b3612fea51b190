package org.leadrelay.partner;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sales regions a partner keeps one business profile for, each with up to
 * {@link BusinessProfiles#MAX_LOCATIONS_PER_REGION} locations. A location belongs to the
 * region of its country: the Americas, Asia Pacific, or else Europe, the Middle East and
 * Africa.
 */
public enum Region {

	AMERICAS, EMEA, APAC;

	private static final Set<String> AMERICAS_COUNTRIES = Set.of("AG", "AI", "AR", "AW", "BB", "BL", "BM", "BO", "BQ",
			"BR", "BS", "BZ", "CA", "CL", "CO", "CR", "CU", "CW", "DM", "DO", "EC", "FK", "GD", "GF", "GL", "GP", "GS",
			"GT", "GY", "HN", "HT", "JM", "KN", "KY", "LC", "MF", "MQ", "MS", "MX", "NI", "PA", "PE", "PM", "PR", "PY",
			"SR", "SV", "SX", "TC", "TT", "UM", "US", "UY", "VC", "VE", "VG", "VI");

	private static final Set<String> APAC_COUNTRIES = Set.of("AF", "AQ", "AS", "AU", "BD", "BN", "BT", "CC", "CK", "CN",
			"CX", "FJ", "FM", "GU", "HK", "HM", "ID", "IN", "IO", "JP", "KH", "KI", "KP", "KR", "LA", "LK", "MH", "MM",
			"MN", "MO", "MP", "MV", "MY", "NC", "NF", "NP", "NR", "NU", "NZ", "PF", "PG", "PH", "PK", "PN", "PW", "SB",
			"SG", "TH", "TK", "TL", "TO", "TV", "TW", "VN", "VU", "WF", "WS");

	/**
	 * Every ISO 3166-1 alpha-2 code's region, found by one look-up: recommendations ask
	 * for the region of every code once per candidate page.
	 */
	private static final Map<String, Region> BY_COUNTRY = Arrays.stream(Locale.getISOCountries())
		.collect(Collectors.toUnmodifiableMap(Function.identity(), Region::ofKnown));

	/** The region of an ISO 3166-1 alpha-2 country code; empty for an unknown code. */
	public static Optional<Region> of(String country) {
		Region region = BY_COUNTRY.get(country);
		return Optional.ofNullable(region != null ? region : BY_COUNTRY.get(country.strip().toUpperCase(Locale.ROOT)));
	}

	private static Region ofKnown(String code) {
		if (AMERICAS_COUNTRIES.contains(code)) {
			return AMERICAS;
		}
		return APAC_COUNTRIES.contains(code) ? APAC : EMEA;
	}

	/** The country codes of this region, sorted. */
	public List<String> countries() {
		return Arrays.stream(Locale.getISOCountries()).filter(code -> of(code).orElseThrow() == this).sorted().toList();
	}

}
