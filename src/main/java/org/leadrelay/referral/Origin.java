package org.leadrelay.referral;

/**
 * How a referral record came to be: a lead sent to a partner (by the vendor or a
 * customer), a deal a partner created itself, or the invitee's side of another
 * organization's deal. Leads and invitations arrive (Incoming); deals go out.
 */
public enum Origin {

	Lead, Deal, Invitation;

	/** The direction of the record as its owner sees it. */
	public Direction direction() {
		return this == Deal ? Direction.Outgoing : Direction.Incoming;
	}

}
