package org.leadrelay.marketplace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.leadrelay.partner.BusinessProfile;
import org.leadrelay.partner.Expertise;
import org.leadrelay.partner.Location;
import org.leadrelay.shared.CompanySize;

/**
 * The exact-match filters of a listing as tokens in one array (GIN-indexed), so that any
 * combination of filters is one {@code filters @> array[...]}: {@code industry:retail},
 * {@code size:10to50employees}, {@code country:hu}, {@code city:gyor}. A profile's sizes
 * are indexed as every band, current or older, that overlaps one it serves, so that a
 * search for an older band finds the profiles that serve part of it.
 */
final class FilterTokens {

	private FilterTokens() {
	}

	static String industry(String tag) {
		return "industry:" + Folding.fold(tag);
	}

	static String product(String tag) {
		return "product:" + Folding.fold(tag);
	}

	static String service(String tag) {
		return "service:" + Folding.fold(tag);
	}

	static String solution(String tag) {
		return "solution:" + Folding.fold(tag);
	}

	static String size(CompanySize size) {
		return "size:" + Folding.fold(size.code());
	}

	static String country(String code) {
		return "country:" + Folding.fold(code);
	}

	static String city(String city) {
		return "city:" + Folding.fold(city);
	}

	/** Every token of a profile. */
	static List<String> of(BusinessProfile profile) {
		List<String> tokens = new ArrayList<>(expertise(profile.details().expertise()));
		Arrays.stream(CompanySize.values())
			.filter(size -> size.overlapsAny(profile.details().customerSizes()))
			.forEach(size -> tokens.add(size(size)));
		for (Location location : profile.locations()) {
			tokens.add(country(location.country()));
			tokens.add(city(location.city()));
		}
		return tokens.stream().distinct().toList();
	}

	/** The tokens of a profile's tags. */
	static List<String> expertise(Expertise expertise) {
		return tags(expertise.industries(), expertise.products(), expertise.services(), expertise.solutions());
	}

	/** The tokens of tags, as a profile has them or an inquiry asks for them. */
	static List<String> tags(List<String> industries, List<String> products, List<String> services,
			List<String> solutions) {
		List<String> tokens = new ArrayList<>();
		industries.forEach(tag -> tokens.add(industry(tag)));
		products.forEach(tag -> tokens.add(product(tag)));
		services.forEach(tag -> tokens.add(service(tag)));
		solutions.forEach(tag -> tokens.add(solution(tag)));
		return tokens;
	}

}
