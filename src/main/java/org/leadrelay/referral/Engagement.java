package org.leadrelay.referral;

import org.jspecify.annotations.Nullable;

/**
 * How a referral record takes part in its engagement: where it came from, the deal type
 * of a partner's deal (and of an invitation to one), and who sent an invitation.
 */
public record Engagement(Origin origin, @Nullable DealType dealType, @Nullable Inviter inviter) {

	/** A lead, as the vendor or a customer sends it. */
	public static final Engagement LEAD = new Engagement(Origin.Lead, null, null);

	public Engagement {
		if ((origin == Origin.Lead) != (dealType == null)) {
			throw new IllegalArgumentException("Deals and invitations have a deal type, leads none");
		}
		if ((origin == Origin.Invitation) != (inviter != null)) {
			throw new IllegalArgumentException("Exactly invitations have an inviter");
		}
	}

	static Engagement deal(DealType type) {
		return new Engagement(Origin.Deal, type, null);
	}

	static Engagement invitation(DealType type, Inviter inviter) {
		return new Engagement(Origin.Invitation, type, inviter);
	}

	/** A partner's deal or an invitation to one: it goes through the sales stages. */
	public boolean isCoSell() {
		return this.origin != Origin.Lead;
	}

	public boolean isInvitation() {
		return this.origin == Origin.Invitation;
	}

	/** This deal, once the customer agreed that the vendor may see it. */
	Engagement sharedWithVendor() {
		return new Engagement(this.origin, DealType.PartnerLed, this.inviter);
	}

}
