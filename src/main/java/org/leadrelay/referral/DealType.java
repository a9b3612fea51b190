package org.leadrelay.referral;

/**
 * Who works a partner's deal with it, as the Referrals API's deal types say: alone with
 * the vendor told (Partner-led) or not (Private), with the vendor's help (Co-sell), or
 * with another partner (Partner-to-partner).
 */
public enum DealType {

	PartnerLed, CoSell, PartnerToPartner, Private;

	/** The Referrals API's {@code type}: shared with another party, or not. */
	public ReferralType referralType() {
		return this == CoSell || this == PartnerToPartner ? ReferralType.Shared : ReferralType.Independent;
	}

	/** Whether creating the deal invites another organization. */
	public boolean invites() {
		return this == CoSell || this == PartnerToPartner;
	}

	/**
	 * Whether vendor staff see the partner's own record: only when the partner shares it
	 * with them (the customer agreed); a co-sell deal reaches the vendor as its own
	 * invitation instead, and a partner-to-partner deal stays between the partners.
	 */
	boolean visibleToVendor() {
		return this == PartnerLed;
	}

}
