package org.leadrelay.identity;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.Role;

import org.springframework.stereotype.Service;

/**
 * Looks users up for the modules that reach out to them (notifications).
 */
@Service
public class UserDirectory {

	private final UserRepository repository;

	UserDirectory(UserRepository repository) {
		this.repository = repository;
	}

	/**
	 * The user behind a principal id such as {@code user:<uuid>}; empty for API clients,
	 * the system and users that no longer exist.
	 */
	public Optional<UserContact> findByPrincipal(String principalId) {
		return Caller.userIdOf(principalId).flatMap(this::find);
	}

	public Optional<UserContact> find(UUID userId) {
		return this.repository.findContact(userId);
	}

	/** The organization's users who have at least one of the roles, by name. */
	public List<UserContact> withAnyRole(OrganizationId organization, Set<Role> roles) {
		return this.repository.findContactsWithAnyRole(organization, roles);
	}

}
