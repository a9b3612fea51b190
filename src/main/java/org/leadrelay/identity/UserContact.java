package org.leadrelay.identity;

import java.util.Locale;
import java.util.UUID;

import org.leadrelay.shared.OrganizationId;

/**
 * How to reach a user: their address, name and the language they read LeadRelay in.
 */
public record UserContact(UUID id, OrganizationId organizationId, String email, String displayName, Locale locale) {

}
