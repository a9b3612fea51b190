package org.leadrelay.referral.registration;

import java.time.Instant;
import java.util.Map;

import org.leadrelay.referral.Actor;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.TimelineEntry.FieldChange;
import org.leadrelay.shared.OrganizationId;

/**
 * An entry for a deal's timeline that a registration or a conflict records: the audit of
 * who registered, approved, rejected or resolved what, and why.
 */
record DealNote(OrganizationId organizationId, ReferralId referralId, Actor actor, Instant occurredAt, String action,
		Map<String, FieldChange> changes) {

	DealNote {
		changes = Map.copyOf(changes);
	}

}
