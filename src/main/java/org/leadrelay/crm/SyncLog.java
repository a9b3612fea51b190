package org.leadrelay.crm;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.micrometer.core.instrument.Metrics;
import org.jspecify.annotations.Nullable;
import org.leadrelay.crm.SyncLogEntry.Direction;
import org.leadrelay.platform.SqlValues;
import org.leadrelay.platform.jobs.ClusteredJob;
import org.leadrelay.platform.jobs.ClusteredJob.Runs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/** The sync log of each connection: what was pushed, read and tested, and what failed. */
@Repository
class SyncLog {

	private static final Logger log = LoggerFactory.getLogger(SyncLog.class);

	private final JdbcClient jdbc;

	private final CrmProperties properties;

	private final Clock clock;

	SyncLog(JdbcClient jdbc, CrmProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Adds an entry, unless the connection was deleted meanwhile (its log went with it).
	 */
	void record(UUID connectionId, Direction direction, @Nullable UUID referralId, boolean failed, String message) {
		if (failed) {
			Metrics.counter("leadrelay.crm.failures", "direction", direction.name().toLowerCase(Locale.ROOT))
				.increment();
		}
		this.jdbc.sql("""
				insert into crm_sync_log (connection_id, occurred_at, direction, referral_id, failed, message)
				select ?, ?, ?, ?, ?, ? where exists (select 1 from crm_connection where id = ?)""")
			.params(connectionId, SqlValues.timestamp(this.clock.instant()), direction.name(), referralId, failed,
					message.length() > 1000 ? message.substring(0, 999) + "…" : message, connectionId)
			.update();
	}

	/** The newest entries first. */
	List<SyncLogEntry> latest(UUID connectionId, int limit) {
		return this.jdbc
			.sql("select occurred_at, direction, referral_id, failed, message from crm_sync_log "
					+ "where connection_id = ? order by id desc limit ?")
			.params(connectionId, limit)
			.query((rs, row) -> new SyncLogEntry(SqlValues.instant(rs, "occurred_at"),
					Direction.valueOf(rs.getString("direction")), rs.getObject("referral_id", UUID.class),
					rs.getBoolean("failed"), rs.getString("message")))
			.list();
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	@ClusteredJob(value = "crm-sync-log-purge", runs = Runs.ONE_NODE_AT_A_TIME)
	void purgeOld() {
		Instant before = this.clock.instant().minus(this.properties.logRetention());
		int purged = this.jdbc.sql("delete from crm_sync_log where occurred_at < ?")
			.param(SqlValues.timestamp(before))
			.update();
		if (purged > 0) {
			log.info("Forgot {} CRM sync log entries older than {}", purged, this.properties.logRetention());
		}
	}

}
