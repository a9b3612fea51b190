package org.leadrelay.shared;

/**
 * Roles of SPEC section 1. Vendor roles belong to the vendor organization, the others to
 * a partner. An API client of a partner acts as a Referrals admin of its organization;
 * one of the vendor as a vendor admin.
 */
public enum Role {

	VENDOR_ADMIN, VENDOR_SELLER, VENDOR_MARKETING, REFERRALS_ADMIN, REFERRALS_USER, BUSINESS_PROFILE_ADMIN

}
