package org.leadrelay.referral;

/**
 * Whether the vendor works the deal with the partner (Shared) or leaves it to the
 * partner.
 */
public enum ReferralType {

	Independent, Shared

}
