package org.leadrelay.identity;

import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.leadrelay.partner.Organization;
import org.leadrelay.partner.Organizations;
import org.leadrelay.platform.SqlValues;
import org.leadrelay.shared.Caller;
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
 * The people who sign in to the web UI, each in one organization with one or more roles.
 */
@Service
public class UserAccounts implements UserDetailsService {

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

	/** Creates a user who can sign in with the given password. */
	@Transactional
	public UUID create(OrganizationId organization, String email, String displayName, String password,
			Set<Role> roles) {
		UUID id = Ids.newId(this.clock);
		this.jdbc
			.sql("insert into app_user (id, organization_id, email, display_name, password_hash, roles, created_at) "
					+ "values (?, ?, ?, ?, ?, ?, ?)")
			.params(id, organization.value(), email.strip().toLowerCase(Locale.ROOT), displayName,
					this.passwordEncoder.encode(password), roles.stream().map(Role::name).toArray(String[]::new),
					SqlValues.timestamp(this.clock.instant()))
			.update();
		return id;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return this.jdbc
			.sql("select id, organization_id, email, display_name, password_hash, roles, locale from app_user "
					+ "where lower(email) = lower(?)")
			.param(username.strip())
			.query((rs, row) -> {
				OrganizationId organizationId = new OrganizationId(rs.getObject("organization_id", UUID.class));
				Organization organization = this.organizations.find(organizationId).orElseThrow();
				Set<Role> roles = Arrays.stream((String[]) rs.getArray("roles").getArray())
					.map(Role::valueOf)
					.collect(Collectors.toSet());
				Caller caller = new Caller(Caller.Kind.USER, "user:" + rs.getObject("id", UUID.class),
						rs.getString("display_name"), organizationId, organization.kind(), roles);
				return new SignedInUser(caller, rs.getString("email"), rs.getString("password_hash"),
						rs.getString("locale"));
			})
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

}
