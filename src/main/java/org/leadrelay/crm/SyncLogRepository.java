package org.leadrelay.crm;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.crm.SyncLogEntry.Direction;
import org.leadrelay.platform.SqlValues;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The entries of the connections' sync logs. */
@Repository
class SyncLogRepository {

	private final JdbcClient jdbc;

	SyncLogRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds an entry, unless the connection was deleted meanwhile (its log went with it).
	 */
	void add(UUID connectionId, Instant occurredAt, Direction direction, @Nullable UUID referralId, boolean failed,
			String message) {
		this.jdbc.sql("""
				insert into crm_sync_log (connection_id, occurred_at, direction, referral_id, failed, message)
				select ?, ?, ?, ?, ?, ? where exists (select 1 from crm_connection where id = ?)""")
			.params(connectionId, SqlValues.timestamp(occurredAt), direction.name(), referralId, failed, message,
					connectionId)
			.update();
	}

	/** The newest entries first. */
	List<SyncLogEntry> findLatest(UUID connectionId, int limit) {
		return this.jdbc
			.sql("select occurred_at, direction, referral_id, failed, message from crm_sync_log "
					+ "where connection_id = ? order by id desc limit ?")
			.params(connectionId, limit)
			.query((rs, row) -> new SyncLogEntry(SqlValues.instant(rs, "occurred_at"),
					Direction.valueOf(rs.getString("direction")), rs.getObject("referral_id", UUID.class),
					rs.getBoolean("failed"), rs.getString("message")))
			.list();
	}

	/**
	 * @return how many were deleted
	 */
	int deleteBefore(Instant before) {
		return this.jdbc.sql("delete from crm_sync_log where occurred_at < ?")
			.param(SqlValues.timestamp(before))
			.update();
	}

}
