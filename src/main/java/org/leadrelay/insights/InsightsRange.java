package org.leadrelay.insights;

/** The periods the insights page offers; custom takes its dates from the form. */
enum InsightsRange {

	THREE_MONTHS(3), SIX_MONTHS(6), ONE_YEAR(12), CUSTOM(0);

	private final int months;

	InsightsRange(int months) {
		this.months = months;
	}

	int months() {
		return this.months;
	}

}
