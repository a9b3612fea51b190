package org.leadrelay.shared;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who is making a request: a signed-in user or an API client, always acting within
 * exactly one organization. Every query a module runs on behalf of a caller is scoped by
 * {@link #organizationId()}.
 *
 * @param kind user or API client
 * @param principalId stable id of the principal ({@code user:<uuid>} or
 * {@code client:<client-id>})
 * @param displayName what the timeline shows as the actor
 * @param organizationId the organization the caller acts for
 * @param organizationKind whether that organization is the vendor or a partner
 * @param roles the caller's roles within the organization
 */
public record Caller(Kind kind, String principalId, String displayName, OrganizationId organizationId,
		OrganizationKind organizationKind, Set<Role> roles) {

	/** How {@link #principalId()} starts for a signed-in user. */
	public static final String USER_PREFIX = "user:";

	public Caller {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(principalId, "principalId");
		Objects.requireNonNull(displayName, "displayName");
		Objects.requireNonNull(organizationId, "organizationId");
		Objects.requireNonNull(organizationKind, "organizationKind");
		roles = Set.copyOf(roles);
	}

	public boolean isVendor() {
		return this.organizationKind == OrganizationKind.VENDOR;
	}

	public boolean isPartner() {
		return this.organizationKind == OrganizationKind.PARTNER;
	}

	public boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

	/** The user's id, for a signed-in user; empty for an API client. */
	public Optional<UUID> userId() {
		return this.kind == Kind.USER ? userIdOf(this.principalId) : Optional.empty();
	}

	/**
	 * The user id in a principal id such as {@code user:<uuid>}; empty for API clients,
	 * the system and anything malformed.
	 */
	public static Optional<UUID> userIdOf(String principalId) {
		if (!principalId.startsWith(USER_PREFIX)) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(principalId.substring(USER_PREFIX.length())));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** How the caller authenticated. */
	public enum Kind {

		USER, API_CLIENT

	}

}
