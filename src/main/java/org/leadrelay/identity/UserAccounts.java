package org.leadrelay.identity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.LocationId;
import org.leadrelay.partner.Organization;
import org.leadrelay.partner.Organizations;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.Ids;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.Role;

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

	private final UserRepository repository;

	private final Organizations organizations;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	UserAccounts(UserRepository repository, Organizations organizations, PasswordEncoder passwordEncoder, Clock clock) {
		this.repository = repository;
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
		this.repository.replaceLocations(userId, organization, locations);
	}

	/** The organization's users, by name. */
	public List<UserAccount> listOf(OrganizationId organization) {
		return this.repository.findAccountsOf(organization);
	}

	Optional<UserAccount> findByEmail(String email) {
		return this.repository.findAccountByEmail(EmailAddresses.normalize(email));
	}

	String emailOf(UUID userId) {
		return this.repository.findEmail(userId);
	}

	/** A user who cannot sign in until they set a password through an invitation. */
	UUID createPending(OrganizationId organization, String email, String displayName, Set<Role> roles, Locale locale) {
		return insert(organization, email, displayName, null, roles, locale);
	}

	void updatePending(UUID userId, String displayName, Set<Role> roles) {
		this.repository.updatePending(userId, displayName, roles);
	}

	void setPassword(UUID userId, String password) {
		this.repository.updatePasswordHash(userId, this.passwordEncoder.encode(requireValid(password)));
	}

	/** The user's language and time zone. */
	public UserSettings settingsOf(UUID userId) {
		return this.repository.findSettings(userId).orElseThrow(() -> DomainException.notFound("No such user"));
	}

	/** Saves the language and time zone the user chose for themselves. */
	@Transactional
	public void changeSettings(UUID userId, Locale language, ZoneId zone) {
		this.repository.updateSettings(userId, language, zone);
	}

	/**
	 * Takes the user's defaults from the browser they first sign in with: its time zone,
	 * and its language when it names one LeadRelay speaks; otherwise they keep the
	 * language they were given (an invitee the inviter's). Later sign-ins change nothing.
	 */
	@Transactional
	void settleFirstSignIn(UUID userId, @Nullable Locale browserLanguage, ZoneId browserZone) {
		this.repository.updateUnsettled(userId, browserLanguage, browserZone);
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return this.repository.findSignInByEmail(EmailAddresses.normalize(username)).map(user -> {
			Organization organization = this.organizations.find(user.organizationId()).orElseThrow();
			Caller caller = new Caller(Caller.Kind.USER, Caller.USER_PREFIX + user.id(), user.displayName(),
					user.organizationId(), organization.kind(), user.roles());
			return new SignedInUser(caller, user.email(), user.passwordHash(), user.locale());
		}).orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

	private UUID insert(OrganizationId organization, String email, String displayName, @Nullable String passwordHash,
			Set<Role> roles, Locale locale) {
		UUID id = Ids.newId(this.clock);
		this.repository.insert(id, organization, EmailAddresses.normalize(email), displayName, passwordHash, roles,
				locale, this.clock.instant());
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
