package org.leadrelay.crm;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.micrometer.core.instrument.Metrics;
import org.jspecify.annotations.Nullable;
import org.leadrelay.crm.SyncLogEntry.Direction;
import org.leadrelay.platform.jobs.ClusteredJob;
import org.leadrelay.platform.jobs.ClusteredJob.Runs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The sync log of each connection: what was pushed, read and tested, and what failed. */
@Component
class SyncLog {

	private static final Logger log = LoggerFactory.getLogger(SyncLog.class);

	private final SyncLogRepository entries;

	private final CrmProperties properties;

	private final Clock clock;

	private final MessageSource messages;

	SyncLog(SyncLogRepository entries, CrmProperties properties, Clock clock, MessageSource messages) {
		this.entries = entries;
		this.messages = messages;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Adds an entry, unless the connection was deleted meanwhile (its log went with it).
	 * The text is kept as its key and arguments, rendered in the reader's language when
	 * shown, and in English too for the API and for readers of the table.
	 */
	void record(UUID connectionId, Direction direction, @Nullable UUID referralId, boolean failed, LogText text) {
		if (failed) {
			Metrics.counter("leadrelay.crm.failures", "direction", direction.name().toLowerCase(Locale.ROOT))
				.increment();
		}
		String message = this.messages.getMessage(text.resolvable(text.key()), Locale.ENGLISH);
		this.entries.add(connectionId, this.clock.instant(), direction, referralId, failed,
				message.length() > 1000 ? message.substring(0, 999) + "…" : message, text);
	}

	/** The newest entries first. */
	List<SyncLogEntry> latest(UUID connectionId, int limit) {
		return this.entries.findLatest(connectionId, limit);
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	@ClusteredJob(value = "crm-sync-log-purge", runs = Runs.ONE_NODE_AT_A_TIME)
	void purgeOld() {
		Instant before = this.clock.instant().minus(this.properties.logRetention());
		int purged = this.entries.deleteBefore(before);
		if (purged > 0) {
			log.info("Forgot {} CRM sync log entries older than {}", purged, this.properties.logRetention());
		}
	}

}
