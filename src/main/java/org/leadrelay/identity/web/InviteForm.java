package org.leadrelay.identity.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.Role;

/** Whom an admin invites, as the invitation form posts it. */
record InviteForm(@Nullable UUID organization, @NotBlank @Email @Size(max = 254) @Nullable String email,
		@NotBlank @Size(max = 200) @Nullable String displayName, @NotEmpty @Nullable Set<Role> roles,
		@Nullable List<UUID> locations) {

	static InviteForm empty(UUID organization) {
		return new InviteForm(organization, null, null, Set.of(), List.of());
	}

	Set<Role> chosenRoles() {
		return this.roles == null ? Set.of() : this.roles;
	}

	List<UUID> chosenLocations() {
		return this.locations == null ? List.of() : this.locations;
	}

}
