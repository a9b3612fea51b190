package org.leadrelay.identity;

import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.OrganizationId;

/**
 * How to reach a user: their address, name and the language and time zone they read
 * LeadRelay in.
 *
 * @param zone null until they first sign in or choose one
 */
public record UserContact(UUID id, OrganizationId organizationId, String email, String displayName, Locale locale,
		@Nullable ZoneId zone) {

}
