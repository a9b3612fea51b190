package org.leadrelay.crm;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.crm.ConnectionTest.Step;
import org.leadrelay.crm.SyncLogEntry.Direction;
import org.leadrelay.crm.client.CrmClients;
import org.leadrelay.platform.OutboundAddressPolicy;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.Ids;
import org.leadrelay.shared.Role;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization's CRM connection, for a partner's Referrals admins (users, and the
 * organization's API clients). An organization connects one CRM; another organization's
 * connection is not found, never forbidden.
 */
@Service
@Transactional
public class CrmConnections {

	private static final int MAX_URL_LENGTH = 2000;

	private final ConnectionRepository connections;

	private final SyncLog log;

	private final SecretCipher cipher;

	private final CrmClients clients;

	private final OutboundAddressPolicy outbound;

	private final Clock clock;

	CrmConnections(ConnectionRepository connections, SyncLog log, SecretCipher cipher, CrmClients clients,
			OutboundAddressPolicy outbound, Clock clock) {
		this.connections = connections;
		this.log = log;
		this.cipher = cipher;
		this.clients = clients;
		this.outbound = outbound;
		this.clock = clock;
	}

	/**
	 * Connects the caller's organization to its CRM. The client secret is encrypted
	 * before it is stored, and never shown again.
	 */
	public CrmConnection connect(Caller caller, CrmConnectionRequest request) {
		requireAdmin(caller);
		CrmKind kind = CrmKind.named(request.kind() == null ? "" : request.kind())
			.orElseThrow(() -> DomainException.invalid("kind", "kind must be dynamics365 or salesforce"));
		String instanceUrl = url("instanceUrl", request.instanceUrl());
		String tokenUrl = url("tokenUrl", request.tokenUrl());
		String clientId = text("clientId", request.clientId(), 200);
		String secret = text("clientSecret", request.clientSecret(), 1000);
		FieldMapping mapping = (request.fieldMapping() == null ? FieldMapping.defaults(kind) : request.fieldMapping())
			.validFor(kind);
		Optional<StoredConnection> existing = this.connections.findOf(caller.organizationId());
		if (existing.isPresent()) {
			throw alreadyConnected(existing.get().kind());
		}
		Instant now = this.clock.instant();
		UUID id = Ids.newId(now);
		StoredConnection connection = new StoredConnection(id, caller.organizationId(), kind, instanceUrl, tokenUrl,
				clientId, this.cipher.encrypt(id, secret), mapping, caller.displayName(), now, null, null, null);
		try {
			this.connections.insert(connection);
		}
		catch (DuplicateKeyException ex) {
			throw alreadyConnected(kind);
		}
		return connection.view();
	}

	/** The caller's organization's connection, if it has one. */
	@Transactional(readOnly = true)
	public Optional<CrmConnection> find(Caller caller) {
		requireAdmin(caller);
		return this.connections.findOf(caller.organizationId()).map(StoredConnection::view);
	}

	@Transactional(readOnly = true)
	public CrmConnection get(Caller caller, UUID id) {
		return stored(caller, id).view();
	}

	/**
	 * Disconnects the CRM: nothing more is sent to it or read from it, and its sync log
	 * goes. Leads keep their CRM IDs.
	 */
	public void delete(Caller caller, UUID id) {
		requireAdmin(caller);
		if (!this.connections.delete(caller.organizationId(), id)) {
			throw notFound();
		}
		this.clients.forget(id);
	}

	public CrmConnection changeFieldMapping(Caller caller, UUID id, @Nullable FieldMapping mapping) {
		StoredConnection connection = stored(caller, id);
		if (mapping == null) {
			throw DomainException.invalid("fieldMapping", "fieldMapping is required");
		}
		// a mapping without deal stages (from before deals synced) keeps the stored ones
		this.connections.updateMapping(caller.organizationId(), id,
				mapping.orDealStages(connection.mapping().dealStages()).validFor(connection.kind()));
		return stored(caller, id).view();
	}

	/**
	 * Signs in to the CRM with the stored credentials and reads what syncing needs,
	 * reporting each step; the result goes into the sync log too.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public ConnectionTest test(Caller caller, UUID id) {
		StoredConnection connection = stored(caller, id);
		ConnectionTest test;
		try {
			connection.requireAllowed(this.outbound);
			test = this.clients.of(connection.settings(this.cipher)).test();
		}
		catch (DomainException ex) {
			test = new ConnectionTest(List.of(new Step("address", false, ex.getMessage())));
		}
		Step last = test.steps().get(test.steps().size() - 1);
		this.log.record(id, Direction.TEST, null, !test.passed(),
				test.passed() ? LogText.of("crm.log.testPassed")
						: LogText.of("crm.log.testFailed." + last.name(), last.detailKey() == null ? last.detail()
								: new LogText(last.detailKey(), List.copyOf(last.detailArgs()))));
		return test;
	}

	/** The connection's sync log, newest first. */
	@Transactional(readOnly = true)
	public List<SyncLogEntry> log(Caller caller, UUID id, int limit) {
		return this.log.latest(stored(caller, id).id(), limit);
	}

	private StoredConnection stored(Caller caller, UUID id) {
		requireAdmin(caller);
		return this.connections.find(caller.organizationId(), id).orElseThrow(CrmConnections::notFound);
	}

	private String url(String target, @Nullable String value) {
		String text = text(target, value, MAX_URL_LENGTH);
		URI uri;
		try {
			uri = new URI(text);
		}
		catch (URISyntaxException ex) {
			throw DomainException.invalid(target, target + " '" + text + "' is not a valid URL");
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw DomainException.invalid(target, target + " must not have a ?query or #fragment");
		}
		this.outbound.requireAllowed(uri, target);
		return text.replaceAll("/+$", "");
	}

	private static String text(String target, @Nullable String value, int maxLength) {
		if (value == null || value.isBlank()) {
			throw DomainException.invalid(target, target + " is required");
		}
		String text = value.strip();
		if (text.length() > maxLength) {
			throw DomainException.invalid(target, target + " must be at most " + maxLength + " characters");
		}
		return text;
	}

	private static void requireAdmin(Caller caller) {
		if (!caller.isPartner() || !caller.hasRole(Role.REFERRALS_ADMIN)) {
			throw DomainException.accessDenied("Only a partner's Referrals admins connect a CRM");
		}
	}

	private static DomainException alreadyConnected(CrmKind kind) {
		return DomainException.conflict("Your organization is already connected to " + kind.displayName()
				+ "; delete that connection before connecting another CRM");
	}

	private static DomainException notFound() {
		return DomainException.notFound("CRM connection not found");
	}

}
