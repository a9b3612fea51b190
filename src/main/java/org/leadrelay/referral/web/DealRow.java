package org.leadrelay.referral.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ViewedReferral;
import org.leadrelay.shared.OrganizationId;

/**
 * A co-sell deal as a row of the list.
 *
 * @param timeLeft for an invitation awaiting an answer, the time left to answer
 * @param otherParties the other organizations of the deal's engagement, as the viewer
 * sees them
 */
record DealRow(Referral referral, boolean favorite, @Nullable TimeLeft timeLeft, List<String> otherParties) {

	static DealRow of(ViewedReferral viewed, Instant now, List<String> otherParties) {
		Referral referral = viewed.referral();
		return new DealRow(referral, viewed.favorite(), TimeLeft.toRespond(referral, now), otherParties);
	}

	/**
	 * The organizations on the other side of a record: those with a record in its
	 * engagement, and the record's owner when it is not the viewer (the vendor reading a
	 * partner's deal); never the viewer itself.
	 */
	static List<OrganizationId> others(OrganizationId viewer, Referral referral, List<OrganizationId> parties) {
		List<OrganizationId> others = new ArrayList<>();
		if (!referral.isOwnedBy(viewer)) {
			others.add(referral.organizationId());
		}
		parties.stream().filter(party -> !party.equals(viewer) && !others.contains(party)).forEach(others::add);
		return others;
	}

}
