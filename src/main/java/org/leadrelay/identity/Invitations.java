package org.leadrelay.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.leadrelay.partner.Location;
import org.leadrelay.partner.LocationId;
import org.leadrelay.partner.Organizations;
import org.leadrelay.partner.Organizations.OrganizationWithLocations;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admins invite people by email: the invitee gets an account without a password and a
 * one-time link to set one. A vendor admin invites into the vendor and its partners, a
 * partner's Referrals admin into its own organization. Only a hash of each link's token
 * is stored, and a link works once, until it expires.
 */
@Service
public class Invitations {

	private static final SecureRandom random = new SecureRandom();

	private static final Set<Role> VENDOR_ROLES = EnumSet.of(Role.VENDOR_ADMIN, Role.VENDOR_SELLER,
			Role.VENDOR_MARKETING);

	private static final Set<Role> PARTNER_ROLES = EnumSet.of(Role.REFERRALS_ADMIN, Role.REFERRALS_USER,
			Role.BUSINESS_PROFILE_ADMIN);

	private final InvitationRepository repository;

	private final UserAccounts users;

	private final Organizations organizations;

	private final IdentityProperties properties;

	private final Clock clock;

	Invitations(InvitationRepository repository, UserAccounts users, Organizations organizations,
			IdentityProperties properties, Clock clock) {
		this.repository = repository;
		this.users = users;
		this.organizations = organizations;
		this.properties = properties;
		this.clock = clock;
	}

	/** The organizations whose users the caller manages, with their locations. */
	public List<OrganizationWithLocations> managedBy(Caller caller) {
		if (caller.hasRole(Role.VENDOR_ADMIN) || caller.hasRole(Role.REFERRALS_ADMIN)) {
			return this.organizations.visibleTo(caller);
		}
		return List.of();
	}

	/** The roles a user of such an organization may have. */
	public static Set<Role> rolesFor(OrganizationKind kind) {
		return kind == OrganizationKind.VENDOR ? VENDOR_ROLES : PARTNER_ROLES;
	}

	/**
	 * Creates the invitee's account (or refreshes a pending one) and a new link for it;
	 * earlier links of the invitee stop working.
	 */
	@Transactional
	public Invitation invite(Caller inviter, InvitationRequest request) {
		OrganizationWithLocations organization = managedBy(inviter).stream()
			.filter(managed -> managed.organization().id().equals(request.organization()))
			.findFirst()
			.orElseThrow(() -> DomainException.notFound("Organization not found"));
		if (request.roles().isEmpty() || !rolesFor(organization.organization().kind()).containsAll(request.roles())) {
			throw DomainException.invalid("roles", "Choose the roles of the new user");
		}
		List<LocationId> known = organization.locations().stream().map(Location::id).toList();
		if (!known.containsAll(request.locations())) {
			throw DomainException.invalid("locations", "Choose locations of the user's organization");
		}
		String email = EmailAddresses.normalize(request.email());
		UUID userId = this.users.findByEmail(email).map(existing -> {
			if (existing.active() || !existing.organizationId().equals(request.organization())) {
				throw DomainException.invalid("email", "There is already an account for " + email);
			}
			this.users.updatePending(existing.id(), request.displayName(), request.roles());
			return existing.id();
		})
			.orElseGet(() -> this.users.createPending(request.organization(), email, request.displayName(),
					request.roles(), request.locale()));
		this.users.assignLocations(userId, request.organization(), request.locations());
		Instant now = this.clock.instant();
		this.repository.useUpUnusedOf(userId, now);
		String token = newToken();
		Instant expiresAt = now.plus(this.properties.invitationValidity());
		this.repository.insert(hash(token), userId, inviter.principalId(), now, expiresAt);
		return new Invitation(email, request.displayName(), this.organizations.nameOf(request.organization()),
				inviter.displayName(), token, expiresAt);
	}

	/** Who a link invites, while it is unused and not expired. */
	public Optional<Invitee> find(String token) {
		return this.repository.findOpenInvitee(hash(token), this.clock.instant());
	}

	/**
	 * Sets the invitee's password and uses the link up.
	 * @return the invitee's email address, to sign in with
	 */
	@Transactional
	public String accept(String token, String password) {
		UUID userId = this.repository.useUp(hash(token), this.clock.instant())
			.orElseThrow(() -> DomainException.invalid("token", "This link was already used or has expired"));
		this.users.setPassword(userId, password);
		return this.users.emailOf(userId);
	}

	private static String newToken() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whom to invite, into which organization, with which roles and locations. */
	public record InvitationRequest(OrganizationId organization, String email, String displayName, Set<Role> roles,
			Set<LocationId> locations, Locale locale) {

		public InvitationRequest {
			roles = Set.copyOf(roles);
			locations = Set.copyOf(locations);
		}

	}

	/** A new invitation: the token is in clear text here and nowhere else. */
	public record Invitation(String email, String displayName, String organizationName, String invitedBy, String token,
			Instant expiresAt) {

		@Override
		public String toString() {
			return "Invitation[email=" + this.email + ", token=***]";
		}

	}

	/** The person an invitation link is for. */
	public record Invitee(String email, String displayName) {
	}

}
