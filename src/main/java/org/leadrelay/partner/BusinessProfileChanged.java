package org.leadrelay.partner;

import java.time.Instant;

import org.leadrelay.shared.OrganizationId;

/**
 * A business profile or one of its locations changed (or the profile is new). Listeners
 * read the profile as it is now; {@code version} tells an older event from a newer one.
 */
public record BusinessProfileChanged(ProfileId profileId, OrganizationId organizationId, int version,
		Instant occurredAt) {
}
