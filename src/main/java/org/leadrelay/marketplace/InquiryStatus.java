package org.leadrelay.marketplace;

import java.time.Instant;

import org.leadrelay.partner.LocationId;
import org.leadrelay.partner.ProfileId;

/**
 * What a customer may know about an inquiry they sent: to whom, when, and how far it got.
 * Nothing the partner wrote about it.
 */
public record InquiryStatus(String partnerName, String locationName, ProfileId profileId, LocationId locationId,
		boolean locationListed, Instant sentAt, Stage stage) {

	/** The stages a customer sees. */
	public enum Stage {

		/** Waiting for the partner to answer. */
		RECEIVED,

		/** The partner took it on. */
		IN_PROGRESS,

		/** Over: done, declined or unanswered. */
		CLOSED

	}

}
