package org.leadrelay.crm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;
import org.leadrelay.crm.OpportunityPush.Pushed;
import org.leadrelay.crm.SyncLogEntry.Direction;
import org.leadrelay.crm.client.CrmCallException;
import org.leadrelay.crm.client.CrmClients;
import org.leadrelay.crm.client.OpportunityState;
import org.leadrelay.platform.OutboundAddressPolicy;
import org.leadrelay.platform.RetrySchedule;
import org.leadrelay.platform.jobs.ClusteredJob;
import org.leadrelay.platform.jobs.ClusteredJob.Runs;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralChangedException;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.ReferralSearch;
import org.leadrelay.shared.DomainException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends leads that are due to their CRM, several at once, and decides what comes next: in
 * sync; due again after a retry delay (timeouts, unreachable CRM, {@code 429} honouring
 * {@code Retry-After}, {@code 5xx}); or failed until the lead changes or someone presses
 * Retry (anything the CRM refuses). Leads are claimed with {@code FOR UPDATE SKIP LOCKED}
 * and a lease, so any number of nodes share the work, one lead is never pushed twice at
 * once, and a node that dies mid-push only delays its leads until the lease ends.
 */
@Component
class OutboundSync implements DisposableBean {

	/** A push makes a handful of calls (account, currency, opportunity, close). */
	private static final int CALLS_PER_PUSH = 8;

	private final SyncRepository syncs;

	private final ConnectionRepository connections;

	private final ReferralSearch referrals;

	private final OpportunityPush push;

	private final CrmClients clients;

	private final SecretCipher cipher;

	private final OutboundAddressPolicy outbound;

	private final SyncLog syncLog;

	private final CrmProperties properties;

	private final RetrySchedule retries;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ExecutorService executor;

	OutboundSync(SyncRepository syncs, ConnectionRepository connections, ReferralSearch referrals, OpportunityPush push,
			CrmClients clients, SecretCipher cipher, OutboundAddressPolicy outbound, SyncLog syncLog,
			CrmProperties properties, TransactionTemplate transactions, Clock clock) {
		this.syncs = syncs;
		this.connections = connections;
		this.referrals = referrals;
		this.push = push;
		this.clients = clients;
		this.cipher = cipher;
		this.outbound = outbound;
		this.syncLog = syncLog;
		this.properties = properties;
		this.retries = new RetrySchedule(properties.retryDelays(), properties.retryJitter(), new Random());
		this.transactions = transactions;
		this.clock = clock;
		this.executor = Executors.newFixedThreadPool(properties.concurrency());
	}

	@Scheduled(fixedDelayString = "${leadrelay.crm.push-interval:PT2S}",
			initialDelayString = "${leadrelay.crm.push-interval:PT2S}")
	@ClusteredJob(value = "crm-outbound-sync", runs = Runs.ON_EVERY_NODE)
	void scheduledPush() {
		pushDue();
	}

	/**
	 * Pushes every lead that is due once.
	 * @return how many were pushed (or tried)
	 */
	int pushDue() {
		int pushed = 0;
		List<SyncRow> batch;
		do {
			Instant now = this.clock.instant();
			Instant leaseUntil = now.plus(this.properties.timeout().multipliedBy(CALLS_PER_PUSH));
			batch = this.syncs.claimDue(now, this.properties.concurrency(), leaseUntil);
			batch.stream()
				.map(row -> CompletableFuture.runAsync(() -> push(row), this.executor))
				.toList()
				.forEach(CompletableFuture::join);
			pushed += batch.size();
		}
		while (batch.size() == this.properties.concurrency());
		return pushed;
	}

	private void push(SyncRow row) {
		Optional<StoredConnection> found = this.connections.find(row.organizationId(), row.connectionId());
		if (found.isEmpty()) {
			return; // disconnected meanwhile: the row went with the connection
		}
		StoredConnection connection = found.get();
		try {
			Referral lead = this.referrals.findOwnedBy(row.organizationId(), new ReferralId(row.referralId()))
				.filter(Referral::isDeal)
				.orElseThrow(() -> CrmCallException.permanent("The lead is not an accepted, won or lost deal"));
			connection.requireAllowed(this.outbound);
			Pushed pushed = this.push.push(this.clients.of(connection.settings(this.cipher)), connection.kind(),
					connection.mapping(), lead, row);
			this.transactions.executeWithoutResult(status -> recordPushed(row, pushed));
			if (pushed.summary() != null) {
				this.syncLog.record(connection.id(), Direction.OUTBOUND, row.referralId(), false, pushed.summary());
			}
		}
		catch (CrmCallException ex) {
			failed(row, connection, ex.getMessage(), null, ex.retryable(), ex.retryAfter(), ex.throttled());
		}
		catch (ReferralChangedException ex) {
			failed(row, connection, "The lead changed while it was sent; sending it again",
					LogText.of("crm.log.changedWhileSent"), true, null, false);
		}
		catch (DomainException ex) {
			failed(row, connection, ex.getMessage(), null, false, null, false);
		}
	}

	/**
	 * Keeps what the CRM now holds: what it held (as it is now: a change read from the
	 * CRM meanwhile counts) with the fields just written.
	 */
	private void recordPushed(SyncRow claimed, Pushed pushed) {
		SyncRow now = this.syncs.lock(claimed.organizationId(), claimed.referralId());
		OpportunityState held = now.crmState() != null && pushed.crmRecordId().equals(now.crmRecordId())
				? now.crmState() : pushed.known();
		this.syncs.recordPushed(claimed, pushed.crmRecordId(), held.with(pushed.wanted(), pushed.pushed()),
				this.clock.instant());
	}

	/**
	 * @param error what failed, in English, for the lead's sync status
	 * @param text the same as a message key when LeadRelay said it, null when the CRM did
	 */
	private void failed(SyncRow row, StoredConnection connection, String error, @Nullable LogText text,
			boolean retryable, @Nullable Duration retryAfter, boolean throttled) {
		Instant now = this.clock.instant();
		Optional<Duration> delay = retryable ? this.retries.delayAfter(row.attempts() + 1, retryAfter)
				: Optional.empty();
		Instant next = delay.map(now::plus).orElse(null);
		if (throttled) {
			this.connections.throttle(connection.id(),
					now.plus(retryAfter != null ? retryAfter : this.properties.retryDelays().get(0)));
		}
		String message = error;
		Object logged = text != null ? text : error;
		if (retryable && next == null) {
			message += " (gave up after " + (row.attempts() + 1) + " attempts)";
			logged = LogText.of("crm.log.gaveUp", logged, String.valueOf(row.attempts() + 1));
		}
		this.syncs.recordPushFailed(row, next, message, now);
		this.syncLog.record(connection.id(), Direction.OUTBOUND, row.referralId(), true,
				next == null ? LogText.of("crm.log.pushFailed", logged)
						: LogText.of("crm.log.tryingAgain", logged, next.toString()));
	}

	@Override
	public void destroy() {
		this.executor.shutdown();
	}

}
