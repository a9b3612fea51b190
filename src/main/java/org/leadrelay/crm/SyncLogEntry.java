package org.leadrelay.crm;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;

/**
 * One line of a connection's sync log.
 *
 * @param referralId the lead it is about, if any
 * @param message the entry in English, as written (older entries: the only form kept)
 * @param text the entry to render in the reader's language; its default message is
 * {@code message}
 */
public record SyncLogEntry(Instant occurredAt, Direction direction, @Nullable UUID referralId, boolean failed,
		String message, MessageSourceResolvable text) {

	/** What was synced: a lead to the CRM, changes from the CRM, or a connection test. */
	public enum Direction {

		OUTBOUND, INBOUND, TEST

	}

}
