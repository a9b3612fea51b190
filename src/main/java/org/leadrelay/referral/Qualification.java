package org.leadrelay.referral;

/**
 * Where a lead comes from: a customer inquiry from the marketplace (Direct), or qualified
 * by the vendor's marketing (MQL) or sales (SQL) staff.
 */
public enum Qualification {

	Direct, MarketingQualified, SalesQualified

}
