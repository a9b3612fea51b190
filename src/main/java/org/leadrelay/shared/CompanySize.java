package org.leadrelay.shared;

import java.util.Arrays;
import java.util.Optional;

/** Customer size buckets as the API spells them. */
public enum CompanySize {

	EMPLOYEES_1_TO_9("1to9employees"), EMPLOYEES_10_TO_49("10to49employees"), EMPLOYEES_50_TO_249("50to249employees"),
	EMPLOYEES_250_TO_999("250to999employees"), EMPLOYEES_1000_TO_4999("1000to4999employees"),
	EMPLOYEES_5000_TO_9999("5000to9999employees"), EMPLOYEES_10000_TO_20000("10000to20000employees"),
	MORE_THAN_20000("Morethan20000employees");

	private final String code;

	CompanySize(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	public static Optional<CompanySize> fromCode(String code) {
		return Arrays.stream(values()).filter(size -> size.code.equals(code)).findFirst();
	}

}
