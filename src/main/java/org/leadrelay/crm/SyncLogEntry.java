package org.leadrelay.crm;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One line of a connection's sync log.
 *
 * @param referralId the lead it is about, if any
 */
public record SyncLogEntry(Instant occurredAt, Direction direction, @Nullable UUID referralId, boolean failed,
		String message) {

	/** What was synced: a lead to the CRM, changes from the CRM, or a connection test. */
	public enum Direction {

		OUTBOUND, INBOUND, TEST

	}

}
