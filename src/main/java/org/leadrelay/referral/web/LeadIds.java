package org.leadrelay.referral.web;

import java.util.UUID;

import org.leadrelay.referral.ReferralId;
import org.leadrelay.shared.DomainException;

/** Lead ids from URLs: a malformed one names no lead, so it is not found. */
final class LeadIds {

	private LeadIds() {
	}

	static ReferralId parse(String id) {
		try {
			return new ReferralId(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.notFound("No lead " + id);
		}
	}

}
