package org.leadrelay.shared;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A customer's size as the Referrals API spells it: a band of employee counts. The
 * current bands split the whole range without gaps; the API's older, coarser bands still
 * arrive with existing data and are kept as sent. Because every band is a range of
 * employees, bands of either generation compare by {@link #overlaps overlap}: a customer
 * of 51-500 employees fits a partner that serves 51-250 or 251-1,000.
 */
public enum CompanySize {

	EMPLOYEES_1_TO_9("1to9employees", 1, 9, true), EMPLOYEES_10_TO_50("10to50employees", 10, 50, true),
	EMPLOYEES_51_TO_250("51to250employees", 51, 250, true),
	EMPLOYEES_251_TO_1000("251to1000employees", 251, 1_000, true),
	EMPLOYEES_1001_TO_5000("1001to5000employees", 1_001, 5_000, true),
	EMPLOYEES_5001_TO_10000("5001to10000employees", 5_001, 10_000, true),
	EMPLOYEES_10001_TO_20000("10001to20000employees", 10_001, 20_000, true),
	MORE_THAN_20000("Morethan20000employees", 20_001, Integer.MAX_VALUE, true),

	EMPLOYEES_1_TO_50("1to50employees", 1, 50, false), EMPLOYEES_51_TO_500("51to500employees", 51, 500, false),
	MORE_THAN_500("Morethan500employees", 501, Integer.MAX_VALUE, false);

	/**
	 * values() copies the array on each call; a stored referral's size is looked up per
	 * row.
	 */
	private static final CompanySize[] ALL = values();

	private final String code;

	private final int fewest;

	private final int most;

	private final boolean current;

	CompanySize(String code, int fewest, int most, boolean current) {
		this.code = code;
		this.fewest = fewest;
		this.most = most;
		this.current = current;
	}

	public String code() {
		return this.code;
	}

	/** One of the bands that profiles and forms offer; false for the older bands. */
	public boolean isCurrent() {
		return this.current;
	}

	/** Whether a company could be in both bands: their employee ranges intersect. */
	public boolean overlaps(CompanySize other) {
		return this.fewest <= other.most && other.fewest <= this.most;
	}

	/** Whether a company of this band could be one that any of the bands describes. */
	public boolean overlapsAny(Collection<CompanySize> bands) {
		return bands.stream().anyMatch(this::overlaps);
	}

	/** The current bands, smallest first. */
	public static Set<CompanySize> current() {
		EnumSet<CompanySize> current = EnumSet.noneOf(CompanySize.class);
		Arrays.stream(values()).filter(CompanySize::isCurrent).forEach(current::add);
		return current;
	}

	/** The band of an API code, exactly as the API spells it. */
	public static Optional<CompanySize> fromCode(String code) {
		for (CompanySize size : ALL) {
			if (size.code.equals(code)) {
				return Optional.of(size);
			}
		}
		return Optional.empty();
	}

	/** The codes of the current bands, for error messages. */
	public static String currentCodes() {
		return String.join(", ", current().stream().map(CompanySize::code).toList());
	}

	/**
	 * The code: forms, URLs and CSV files carry a size as the API spells it, and
	 * templates compare and write it as text.
	 */
	@Override
	public String toString() {
		return this.code;
	}

}
