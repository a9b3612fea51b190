package org.leadrelay.referral;

import java.util.List;

import org.leadrelay.shared.OrganizationId;

/**
 * A referral as one caller sees it: with that caller's favorite mark and direction, and
 * (where read one at a time) the stages of the other records of its engagement.
 */
public record ViewedReferral(Referral referral, boolean favorite, Direction direction, List<RelatedReferral> related) {

	public ViewedReferral {
		related = List.copyOf(related);
	}

	public ViewedReferral(Referral referral, boolean favorite, Direction direction) {
		this(referral, favorite, direction, List.of());
	}

	/**
	 * As the viewer's organization sees it: its own record in the record's direction, a
	 * record of another organization (a lead the vendor sent, a partner-led deal the
	 * vendor sees) the other way round.
	 */
	static ViewedReferral by(OrganizationId viewer, Referral referral, boolean favorite) {
		return by(viewer, referral, favorite, List.of());
	}

	static ViewedReferral by(OrganizationId viewer, Referral referral, boolean favorite,
			List<RelatedReferral> related) {
		Direction own = referral.direction();
		Direction direction = referral.isOwnedBy(viewer) ? own
				: own == Direction.Incoming ? Direction.Outgoing : Direction.Incoming;
		return new ViewedReferral(referral, favorite, direction, related);
	}

}
