package org.leadrelay.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Looks users up for the modules that reach out to them (notifications).
 */
@Service
public class UserDirectory {

	private final JdbcClient jdbc;

	UserDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The user behind a principal id such as {@code user:<uuid>}; empty for API clients,
	 * the system and users that no longer exist.
	 */
	public Optional<UserContact> findByPrincipal(String principalId) {
		return Caller.userIdOf(principalId).flatMap(this::find);
	}

	public Optional<UserContact> find(UUID userId) {
		return this.jdbc.sql("select id, organization_id, email, display_name, locale from app_user where id = ?")
			.param(userId)
			.query(UserDirectory::contact)
			.optional();
	}

	/** The organization's users who have at least one of the roles, by name. */
	public List<UserContact> withAnyRole(OrganizationId organization, Set<Role> roles) {
		return this.jdbc
			.sql("select id, organization_id, email, display_name, locale from app_user "
					+ "where organization_id = ? and roles && ?::text[] order by display_name, id")
			.params(organization.value(), roles.stream().map(Role::name).toArray(String[]::new))
			.query(UserDirectory::contact)
			.list();
	}

	private static UserContact contact(ResultSet rs, int row) throws SQLException {
		return new UserContact(rs.getObject("id", UUID.class),
				new OrganizationId(rs.getObject("organization_id", UUID.class)), rs.getString("email"),
				rs.getString("display_name"), Locale.forLanguageTag(rs.getString("locale")));
	}

}
