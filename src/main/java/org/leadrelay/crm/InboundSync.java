package org.leadrelay.crm;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.leadrelay.crm.SyncLogEntry.Direction;
import org.leadrelay.crm.client.CrmCallException;
import org.leadrelay.crm.client.CrmClients;
import org.leadrelay.crm.client.CrmOpportunity;
import org.leadrelay.platform.OutboundAddressPolicy;
import org.leadrelay.platform.jobs.ClusteredJob;
import org.leadrelay.platform.jobs.ClusteredJob.Runs;
import org.leadrelay.shared.DomainException;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Asks each connection's CRM for the opportunities changed since the last poll
 * ({@code modifiedon}, {@code SystemModstamp}) and hands each to {@link InboundChanges}.
 * Connections are claimed with {@code FOR UPDATE SKIP LOCKED} and a lease, so any number
 * of nodes poll, each connection on one node at a time. The poll only moves past a change
 * once it was handled, so a failure means it is read again next time.
 */
@Component
class InboundSync {

	private static final int CONNECTIONS_PER_CLAIM = 10;

	private final ConnectionRepository connections;

	private final InboundChanges changes;

	private final CrmClients clients;

	private final SecretCipher cipher;

	private final OutboundAddressPolicy outbound;

	private final SyncLog syncLog;

	private final CrmProperties properties;

	private final Clock clock;

	InboundSync(ConnectionRepository connections, InboundChanges changes, CrmClients clients, SecretCipher cipher,
			OutboundAddressPolicy outbound, SyncLog syncLog, CrmProperties properties, Clock clock) {
		this.connections = connections;
		this.changes = changes;
		this.clients = clients;
		this.cipher = cipher;
		this.outbound = outbound;
		this.syncLog = syncLog;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${leadrelay.crm.poll-interval:PT1M}",
			initialDelayString = "${leadrelay.crm.poll-interval:PT1M}")
	@ClusteredJob(value = "crm-inbound-sync", runs = Runs.ON_EVERY_NODE)
	void scheduledPoll() {
		pollDue();
	}

	/**
	 * Polls every connection that is due once.
	 * @return how many were polled
	 */
	int pollDue() {
		int polled = 0;
		List<StoredConnection> batch;
		do {
			Instant now = this.clock.instant();
			// long enough to read a batch of changes page by page and apply them
			Instant leaseUntil = now.plus(this.properties.timeout().multipliedBy(30));
			batch = this.connections.claimDueForPoll(now, CONNECTIONS_PER_CLAIM, leaseUntil);
			batch.forEach(this::poll);
			polled += batch.size();
		}
		while (batch.size() == CONNECTIONS_PER_CLAIM);
		return polled;
	}

	private void poll(StoredConnection connection) {
		Instant polledUntil = connection.polledUntil();
		String error = null;
		try {
			connection.requireAllowed(this.outbound);
			List<CrmOpportunity> changed = this.clients.of(connection.settings(this.cipher))
				.changedSince(polledUntil, this.properties.pollBatchSize());
			for (CrmOpportunity opportunity : changed) {
				if (!this.changes.apply(connection, opportunity)) {
					break;
				}
				if (polledUntil == null || opportunity.modifiedAt().isAfter(polledUntil)) {
					polledUntil = opportunity.modifiedAt();
				}
			}
		}
		catch (CrmCallException ex) {
			error = ex.getMessage();
			if (ex.throttled()) {
				Instant now = this.clock.instant();
				this.connections.throttle(connection.id(),
						now.plus(ex.retryAfter() != null ? ex.retryAfter() : this.properties.pollInterval()));
			}
		}
		catch (DomainException ex) {
			error = ex.getMessage();
		}
		finish(connection, polledUntil, error);
	}

	private void finish(StoredConnection connection, @Nullable Instant polledUntil, @Nullable String error) {
		Instant now = this.clock.instant();
		this.connections.finishPoll(connection.id(), polledUntil, now.plus(this.properties.pollInterval()), now,
				error == null ? null : error.length() > 1000 ? error.substring(0, 999) + "…" : error);
		// a CRM that stays down is logged once, not at every poll
		if (error != null && !Objects.equals(error, connection.lastPollError())) {
			this.syncLog.record(connection.id(), Direction.INBOUND, null, true,
					LogText.of("crm.log.readFailed", error));
		}
	}

}
