package org.leadrelay.crm;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where a lead stands with its organization's CRM, for the lead page.
 *
 * @param crmRecordId the opportunity's id in the CRM, once known
 * @param attempts failed attempts since the last success
 * @param nextAttemptAt when LeadRelay tries again, while pending
 * @param lastError why the last attempt, or the last change from the CRM, failed
 */
public record LeadSyncStatus(CrmKind kind, State state, @Nullable String crmRecordId, int attempts,
		@Nullable Instant nextAttemptAt, @Nullable String lastError, @Nullable Instant lastErrorAt,
		@Nullable Instant syncedAt) {

	/** Waiting to be sent (again), in sync, or failed until someone retries. */
	public enum State {

		PENDING, SYNCED, FAILED

	}

	public boolean isFailed() {
		return this.state == State.FAILED;
	}

	public boolean isPending() {
		return this.state == State.PENDING;
	}

}
