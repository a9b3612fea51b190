package org.leadrelay.testing;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.leadrelay.identity.UserAccounts;
import org.leadrelay.partner.Location;
import org.leadrelay.partner.Organization;
import org.leadrelay.shared.Role;

/**
 * Creates users who sign in with a known password, under fresh addresses so that tests
 * sharing a database never collide.
 */
public class TestUsers {

	public static final String PASSWORD = "correct horse battery staple";

	private final UserAccounts accounts;

	TestUsers(UserAccounts accounts) {
		this.accounts = accounts;
	}

	public TestUser create(Organization organization, String name, Role role, Location... locations) {
		String email = name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID().toString().substring(0, 8)
				+ "@example.com";
		UUID id = this.accounts.create(organization.id(), email, name, PASSWORD, Set.of(role));
		if (locations.length > 0) {
			this.accounts.assignLocations(id, organization.id(),
					List.of(locations).stream().map(Location::id).toList());
		}
		return new TestUser(id, email, name);
	}

	public record TestUser(UUID id, String email, String name) {

		public String principalId() {
			return "user:" + this.id;
		}

	}

}
