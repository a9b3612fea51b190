package org.leadrelay.identity;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.LocationId;
import org.leadrelay.partner.Organization;
import org.leadrelay.partner.Organizations;
import org.leadrelay.platform.SqlValues;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.Ids;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people who sign in to the web UI, each in one organization with one or more roles,
 * and for Referrals users the partner locations they work for.
 */
@Service
public class UserAccounts implements UserDetailsService {

	/** BCrypt reads at most 72 bytes of a password; longer ones would be cut silently. */
	static final int MAX_PASSWORD_BYTES = 72;

	public static final int MIN_PASSWORD_LENGTH = 12;

	private static final String COLUMNS = "id, organization_id, email, display_name, password_hash, roles, locale";

	private final JdbcClient jdbc;

	private final Organizations organizations;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	UserAccounts(JdbcClient jdbc, Organizations organizations, PasswordEncoder passwordEncoder, Clock clock) {
		this.jdbc = jdbc;
		this.organizations = organizations;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
	}

	/**
	 * Creates a user who can sign in with the given password (demo data, tests: people
	 * choose theirs through an invitation).
	 */
	@Transactional
	public UUID create(OrganizationId organization, String email, String displayName, String password,
			Set<Role> roles) {
		return insert(organization, email, displayName, this.passwordEncoder.encode(password), roles, Locale.ENGLISH);
	}

	/** Lets a Referrals user see and act on the leads of these locations of theirs. */
	@Transactional
	public void assignLocations(UUID userId, OrganizationId organization, Collection<LocationId> locations) {
		this.jdbc.sql("delete from user_location where user_id = ?").param(userId).update();
		for (LocationId location : locations) {
			this.jdbc.sql("insert into user_location (organization_id, user_id, location_id) values (?, ?, ?)")
				.params(organization.value(), userId, location.value())
				.update();
		}
	}

	/** The organization's users, by name. */
	public List<UserAccount> listOf(OrganizationId organization) {
		return this.jdbc
			.sql("select " + COLUMNS + ", array(select m.location_id::text from user_location m "
					+ "where m.user_id = u.id) as locations from app_user u where organization_id = ? "
					+ "order by lower(display_name), id")
			.param(organization.value())
			.query(UserAccounts::account)
			.list();
	}

	Optional<UserAccount> findByEmail(String email) {
		return this.jdbc
			.sql("select " + COLUMNS + ", array(select m.location_id::text from user_location m "
					+ "where m.user_id = u.id) as locations from app_user u where email = ?")
			.param(EmailAddresses.normalize(email))
			.query(UserAccounts::account)
			.optional();
	}

	/** A user who cannot sign in until they set a password through an invitation. */
	UUID createPending(OrganizationId organization, String email, String displayName, Set<Role> roles, Locale locale) {
		return insert(organization, email, displayName, null, roles, locale);
	}

	void updatePending(UUID userId, String displayName, Set<Role> roles) {
		this.jdbc.sql("update app_user set display_name = ?, roles = ? where id = ? and password_hash is null")
			.params(displayName, roles.stream().map(Role::name).toArray(String[]::new), userId)
			.update();
	}

	void setPassword(UUID userId, String password) {
		this.jdbc.sql("update app_user set password_hash = ? where id = ?")
			.params(this.passwordEncoder.encode(requireValid(password)), userId)
			.update();
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return this.jdbc.sql("select " + COLUMNS + " from app_user where email = ?")
			.param(EmailAddresses.normalize(username))
			.query((rs, row) -> {
				OrganizationId organizationId = new OrganizationId(rs.getObject("organization_id", UUID.class));
				Organization organization = this.organizations.find(organizationId).orElseThrow();
				Caller caller = new Caller(Caller.Kind.USER, Caller.USER_PREFIX + rs.getObject("id", UUID.class),
						rs.getString("display_name"), organizationId, organization.kind(), roles(rs));
				return new SignedInUser(caller, rs.getString("email"), rs.getString("password_hash"),
						rs.getString("locale"));
			})
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

	private UUID insert(OrganizationId organization, String email, String displayName, @Nullable String passwordHash,
			Set<Role> roles, Locale locale) {
		UUID id = Ids.newId(this.clock);
		this.jdbc
			.sql("insert into app_user (id, organization_id, email, display_name, password_hash, roles, locale, "
					+ "created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, organization.value(), EmailAddresses.normalize(email), displayName, passwordHash,
					roles.stream().map(Role::name).toArray(String[]::new), locale.getLanguage(),
					SqlValues.timestamp(this.clock.instant()))
			.update();
		return id;
	}

	private static String requireValid(String password) {
		if (password.length() < MIN_PASSWORD_LENGTH) {
			throw DomainException.invalid("password",
					"A password needs at least " + MIN_PASSWORD_LENGTH + " characters");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			throw DomainException.invalid("password", "This password is too long");
		}
		return password;
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

	/**
	 * A user as an admin sees them.
	 *
	 * @param active whether they have set a password (else their invitation is pending)
	 */
	public record UserAccount(UUID id, OrganizationId organizationId, String email, String displayName, Set<Role> roles,
			List<LocationId> locations, boolean active) {

		public UserAccount {
			roles = Set.copyOf(roles);
			locations = List.copyOf(locations);
		}

	}

}
