package org.leadrelay.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.leadrelay.identity.UserAccounts.UserAccount;
import org.leadrelay.partner.LocationId;
import org.leadrelay.platform.SqlValues;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores users ({@code app_user}) and the partner locations they work for
 * ({@code user_location}). Email addresses are passed in normalized.
 */
@Repository
class UserRepository {

	private static final String COLUMNS = "id, organization_id, email, display_name, password_hash, roles, locale";

	private static final String CONTACT_COLUMNS = "id, organization_id, email, display_name, locale, time_zone";

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, OrganizationId organization, String email, String displayName, @Nullable String passwordHash,
			Set<Role> roles, Locale locale, Instant createdAt) {
		this.jdbc
			.sql("insert into app_user (id, organization_id, email, display_name, password_hash, roles, locale, "
					+ "created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, organization.value(), email, displayName, passwordHash, roleNames(roles), locale.getLanguage(),
					SqlValues.timestamp(createdAt))
			.update();
	}

	/** Replaces the user's locations with these. */
	void replaceLocations(UUID userId, OrganizationId organization, Collection<LocationId> locations) {
		this.jdbc.sql("delete from user_location where user_id = ?").param(userId).update();
		for (LocationId location : locations) {
			this.jdbc.sql("insert into user_location (organization_id, user_id, location_id) values (?, ?, ?)")
				.params(organization.value(), userId, location.value())
				.update();
		}
	}

	/** The organization's users with their locations, by name. */
	List<UserAccount> findAccountsOf(OrganizationId organization) {
		return this.jdbc
			.sql("select " + COLUMNS + ", array(select m.location_id::text from user_location m "
					+ "where m.user_id = u.id) as locations from app_user u where organization_id = ? "
					+ "order by lower(display_name), id")
			.param(organization.value())
			.query(UserRepository::account)
			.list();
	}

	Optional<UserAccount> findAccountByEmail(String email) {
		return this.jdbc
			.sql("select " + COLUMNS + ", array(select m.location_id::text from user_location m "
					+ "where m.user_id = u.id) as locations from app_user u where email = ?")
			.param(email)
			.query(UserRepository::account)
			.optional();
	}

	/** What signing in needs to know of the user with this email address. */
	Optional<StoredSignIn> findSignInByEmail(String email) {
		return this.jdbc.sql("select " + COLUMNS + " from app_user where email = ?")
			.param(email)
			.query((rs, row) -> new StoredSignIn(rs.getObject("id", UUID.class),
					new OrganizationId(rs.getObject("organization_id", UUID.class)), rs.getString("email"),
					rs.getString("display_name"), rs.getString("password_hash"), roles(rs), rs.getString("locale")))
			.optional();
	}

	String findEmail(UUID userId) {
		return this.jdbc.sql("select email from app_user where id = ?").param(userId).query(String.class).single();
	}

	/**
	 * Changes a user who has not set a password yet; an active user stays as they are.
	 */
	void updatePending(UUID userId, String displayName, Set<Role> roles) {
		this.jdbc.sql("update app_user set display_name = ?, roles = ? where id = ? and password_hash is null")
			.params(displayName, roleNames(roles), userId)
			.update();
	}

	void updatePasswordHash(UUID userId, String passwordHash) {
		this.jdbc.sql("update app_user set password_hash = ? where id = ?").params(passwordHash, userId).update();
	}

	Optional<UserSettings> findSettings(UUID userId) {
		return this.jdbc.sql("select locale, time_zone from app_user where id = ?")
			.param(userId)
			.query((rs, row) -> new UserSettings(Locale.forLanguageTag(rs.getString("locale")), zone(rs)))
			.optional();
	}

	void updateSettings(UUID userId, Locale language, ZoneId zone) {
		this.jdbc.sql("update app_user set locale = ?, time_zone = ? where id = ?")
			.params(language.getLanguage(), zone.getId(), userId)
			.update();
	}

	/**
	 * Fills in the user's zone, and their language if given, unless they have a zone
	 * already (they signed in before).
	 */
	void updateUnsettled(UUID userId, @Nullable Locale language, ZoneId zone) {
		this.jdbc
			.sql("update app_user set locale = coalesce(?, locale), time_zone = ? where id = ? and time_zone is null")
			.params(language == null ? null : language.getLanguage(), zone.getId(), userId)
			.update();
	}

	Optional<UserContact> findContact(UUID userId) {
		return this.jdbc.sql("select " + CONTACT_COLUMNS + " from app_user where id = ?")
			.param(userId)
			.query(UserRepository::contact)
			.optional();
	}

	/** The organization's users who have at least one of the roles, by name. */
	List<UserContact> findContactsWithAnyRole(OrganizationId organization, Set<Role> roles) {
		return this.jdbc
			.sql("select " + CONTACT_COLUMNS + " from app_user "
					+ "where organization_id = ? and roles && ?::text[] order by display_name, id")
			.params(organization.value(), roleNames(roles))
			.query(UserRepository::contact)
			.list();
	}

	private static String[] roleNames(Set<Role> roles) {
		return roles.stream().map(Role::name).toArray(String[]::new);
	}

	private static Set<Role> roles(ResultSet rs) throws SQLException {
		return Arrays.stream((String[]) rs.getArray("roles").getArray()).map(Role::valueOf).collect(Collectors.toSet());
	}

	private static UserAccount account(ResultSet rs, int row) throws SQLException {
		return new UserAccount(rs.getObject("id", UUID.class),
				new OrganizationId(rs.getObject("organization_id", UUID.class)), rs.getString("email"),
				rs.getString("display_name"), roles(rs),
				Arrays.stream((String[]) rs.getArray("locations").getArray())
					.map(id -> new LocationId(UUID.fromString(id)))
					.toList(),
				rs.getString("password_hash") != null);
	}

	private static UserContact contact(ResultSet rs, int row) throws SQLException {
		return new UserContact(rs.getObject("id", UUID.class),
				new OrganizationId(rs.getObject("organization_id", UUID.class)), rs.getString("email"),
				rs.getString("display_name"), Locale.forLanguageTag(rs.getString("locale")), zone(rs));
	}

	private static @Nullable ZoneId zone(ResultSet rs) throws SQLException {
		String zone = rs.getString("time_zone");
		return zone == null ? null : ZoneId.of(zone);
	}

	/**
	 * A user as signing in sees them.
	 *
	 * @param passwordHash null while their invitation is pending
	 */
	record StoredSignIn(UUID id, OrganizationId organizationId, String email, String displayName,
			@Nullable String passwordHash, Set<Role> roles, String locale) {

		@Override
		public String toString() {
			return "StoredSignIn[id=" + this.id + ", organization=" + this.organizationId + "]";
		}

	}

}
