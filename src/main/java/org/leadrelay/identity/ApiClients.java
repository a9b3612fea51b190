package org.leadrelay.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.Ids;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.Role;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API clients: each belongs to one organization and gets tokens with the client
 * credentials grant until it is revoked. Secrets are stored hashed and shown only once,
 * when created. Admins manage their own organization's clients.
 */
@Service
public class ApiClients {

	private static final SecureRandom random = new SecureRandom();

	private static final int MAX_NAME_LENGTH = 200;

	private final ApiClientRepository repository;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	/**
	 * Whether each client id is active (not revoked), read again after
	 * {@code leadrelay.security.token-endpoint.revocation-check}: every node reads the
	 * shared table, so a client revoked on one is refused on all within that time.
	 */
	private final LoadingCache<String, Boolean> active;

	ApiClients(ApiClientRepository repository, PasswordEncoder passwordEncoder, Clock clock,
			IdentityProperties properties) {
		this.repository = repository;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
		this.active = Caffeine.newBuilder()
			.maximumSize(10_000)
			.expireAfterWrite(properties.tokenEndpoint().revocationCheck())
			.ticker(new ClockTicker(clock))
			.build(clientId -> findByClientId(clientId).isPresent());
	}

	/** Registers a client with a generated id and secret. */
	@Transactional
	public NewApiClient register(OrganizationId organization, String name) {
		String clientId = "lr-" + HexFormat.of().formatHex(randomBytes(8));
		String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
		return register(organization, name, clientId, secret);
	}

	/** Registers a client with a chosen id and secret (demo data, tests). */
	@Transactional
	public NewApiClient register(OrganizationId organization, String name, String clientId, String secret) {
		UUID id = Ids.newId(this.clock);
		this.repository.insert(id, organization, clientId, this.passwordEncoder.encode(secret), name,
				this.clock.instant());
		return new NewApiClient(id, clientId, secret);
	}

	/**
	 * Registers a client for the caller's organization, with a generated id and secret.
	 */
	@Transactional
	public NewApiClient create(Caller caller, @Nullable String name) {
		requireAdmin(caller);
		if (name == null || name.isBlank() || name.strip().length() > MAX_NAME_LENGTH) {
			throw DomainException.invalid("name", "name is required, at most " + MAX_NAME_LENGTH + " characters");
		}
		return register(caller.organizationId(), name.strip());
	}

	/** The caller's organization's clients, newest first, revoked ones included. */
	public List<ListedClient> list(Caller caller) {
		requireAdmin(caller);
		return this.repository.findAllOf(caller.organizationId());
	}

	/**
	 * Revokes one of the caller's organization's clients: the authorization server issues
	 * it no more tokens. Another organization's client is not found.
	 * @return the revoked client's id
	 */
	@Transactional
	public String revoke(Caller caller, UUID id) {
		requireAdmin(caller);
		String clientId = this.repository.revoke(caller.organizationId(), id, this.clock.instant())
			.orElseThrow(() -> DomainException.notFound("API client " + id + " not found"));
		this.active.invalidate(clientId);
		return clientId;
	}

	/**
	 * Whether the client may act: it exists and is not revoked (as of a few seconds ago).
	 */
	boolean isActive(String clientId) {
		return this.active.get(clientId);
	}

	Optional<StoredClient> findByClientId(String clientId) {
		return this.repository.findActiveByClientId(clientId);
	}

	Optional<StoredClient> findById(UUID id) {
		return this.repository.findClientId(id).flatMap(this::findByClientId);
	}

	private static void requireAdmin(Caller caller) {
		boolean admin = caller.isVendor() ? caller.hasRole(Role.VENDOR_ADMIN) : caller.hasRole(Role.REFERRALS_ADMIN);
		if (!admin) {
			throw DomainException.accessDenied("Only admins manage their organization's API clients");
		}
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

	/** A client just registered: the secret is in clear text here and nowhere else. */
	public record NewApiClient(UUID id, String clientId, String secret) {

		@Override
		public String toString() {
			return "NewApiClient[id=" + this.id + ", clientId=" + this.clientId + ", secret=***]";
		}

	}

	/**
	 * A client as its organization's admins see it: never its secret.
	 *
	 * @param revokedAt when it was revoked, if it was
	 */
	public record ListedClient(UUID id, String clientId, String name, Instant createdAt, @Nullable Instant revokedAt) {
	}

	record StoredClient(UUID id, String clientId, String secretHash, String name, OrganizationId organizationId) {

		@Override
		public String toString() {
			return "StoredClient[clientId=" + this.clientId + ", organization=" + this.organizationId + "]";
		}

	}

}
