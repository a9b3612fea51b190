package org.leadrelay.referral;

/**
 * The order of a referral list; ties are broken by id so that paging is stable.
 */
public record ReferralSort(Field field, boolean descending) {

	public static final ReferralSort NEWEST_FIRST = new ReferralSort(Field.CREATED, true);

	public enum Field {

		CREATED("created_at", false), UPDATED("updated_at", false), EXPIRATION("expires_at", false),
		DEAL_VALUE("deal_value", true);

		private final String column;

		private final boolean nullable;

		Field(String column, boolean nullable) {
			this.column = column;
			this.nullable = nullable;
		}

		String column() {
			return this.column;
		}

		boolean nullable() {
			return this.nullable;
		}

	}

}
