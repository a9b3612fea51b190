package org.leadrelay.referral.api;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.ReferralFilter;
import org.leadrelay.referral.ReferralQuery;
import org.leadrelay.referral.ReferralQuery.Cursor;
import org.leadrelay.referral.ReferralSort;
import org.leadrelay.shared.DomainException;

/**
 * The OData query options of the list endpoint ({@code $filter}, {@code $orderby},
 * {@code $top}, {@code $skip}, {@code $skiptoken}, {@code $count}) turned into a
 * {@link ReferralQuery}. {@code $select} shapes the answer (see {@link Selection});
 * {@code $expand} is accepted and ignored, since every navigation is inline.
 */
final class ODataQueryOptions {

	static final int DEFAULT_TOP = 50;

	static final int MAX_TOP = 500;

	private static final long MAX_SKIP = 100_000;

	private static final Set<String> SUPPORTED = Set.of("$filter", "$orderby", "$top", "$skip", "$skiptoken", "$count",
			"$select", "$expand");

	private static final Map<String, ReferralSort.Field> ORDER_PROPERTIES = Map.of("createdDateTime",
			ReferralSort.Field.CREATED, "updatedDateTime", ReferralSort.Field.UPDATED, "expirationDateTime",
			ReferralSort.Field.EXPIRATION, "details/dealValue", ReferralSort.Field.DEAL_VALUE);

	private ODataQueryOptions() {
	}

	static ReferralQuery parse(Map<String, String> parameters) {
		for (Map.Entry<String, String> parameter : parameters.entrySet()) {
			if (parameter.getKey().startsWith("$") && !SUPPORTED.contains(parameter.getKey())
					&& !parameter.getValue().isBlank()) {
				throw DomainException.invalid(parameter.getKey(), parameter.getKey() + " is not supported; use "
						+ String.join(", ", SUPPORTED.stream().sorted().toList()));
			}
		}
		String filterText = parameters.get("$filter");
		ReferralFilter filter = filterText == null || filterText.isBlank() ? null : ODataFilterParser.parse(filterText);
		ReferralSort sort = sort(parameters.get("$orderby"));
		int top = (int) number("$top", parameters.get("$top"), DEFAULT_TOP, 1, MAX_TOP);
		String skipText = parameters.get("$skip");
		String skipToken = parameters.get("$skiptoken");
		if (skipText != null && skipToken != null) {
			throw DomainException.invalid("$skip", "Use $skip or $skiptoken, not both");
		}
		long skip = number("$skip", skipText, 0, 0, MAX_SKIP);
		Cursor after = skipToken == null ? null : SkipToken.decode(skipToken, sort);
		return new ReferralQuery(filter, sort, top, skip, after, bool("$count", parameters.get("$count")));
	}

	private static ReferralSort sort(@Nullable String orderBy) {
		if (orderBy == null || orderBy.isBlank()) {
			return ReferralSort.NEWEST_FIRST;
		}
		if (orderBy.contains(",")) {
			throw DomainException.invalid("$orderby", "$orderby takes one property");
		}
		String[] parts = orderBy.strip().split("\\s+");
		ReferralSort.Field field = ORDER_PROPERTIES.get(parts[0]);
		if (field == null || parts.length > 2) {
			throw DomainException.invalid("$orderby", "$orderby must be one of "
					+ String.join(", ", ORDER_PROPERTIES.keySet().stream().sorted().toList()) + ", then asc or desc");
		}
		String direction = parts.length == 2 ? parts[1].toLowerCase(Locale.ROOT) : "asc";
		if (!direction.equals("asc") && !direction.equals("desc")) {
			throw DomainException.invalid("$orderby", "$orderby direction must be asc or desc, not '" + parts[1] + "'");
		}
		return new ReferralSort(field, direction.equals("desc"));
	}

	private static long number(String name, @Nullable String value, long fallback, long min, long max) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			long number = Long.parseLong(value.strip());
			if (number < min || number > max) {
				throw DomainException.invalid(name, name + " must be between " + min + " and " + max);
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw DomainException.invalid(name, name + " must be a whole number");
		}
	}

	private static boolean bool(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return false;
		}
		return switch (value.strip().toLowerCase(Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> throw DomainException.invalid(name, name + " must be true or false");
		};
	}

}
