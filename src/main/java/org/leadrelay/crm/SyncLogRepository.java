package org.leadrelay.crm;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.crm.SyncLogEntry.Direction;
import org.leadrelay.platform.SqlValues;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/** The entries of the connections' sync logs. */
@Repository
class SyncLogRepository {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	SyncLogRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Adds an entry, unless the connection was deleted meanwhile (its log went with it).
	 */
	void add(UUID connectionId, Instant occurredAt, Direction direction, @Nullable UUID referralId, boolean failed,
			String message, LogText text) {
		this.jdbc.sql("""
				insert into crm_sync_log (connection_id, occurred_at, direction, referral_id, failed, message,
				  message_key, message_args)
				select ?, ?, ?, ?, ?, ?, ?, ?::jsonb where exists (select 1 from crm_connection where id = ?)""")
			.params(connectionId, SqlValues.timestamp(occurredAt), direction.name(), referralId, failed, message,
					text.key(), this.json.writeValueAsString(text.stored()), connectionId)
			.update();
	}

	/** The newest entries first. */
	List<SyncLogEntry> findLatest(UUID connectionId, int limit) {
		return this.jdbc
			.sql("select occurred_at, direction, referral_id, failed, message, message_key, message_args "
					+ "from crm_sync_log where connection_id = ? order by id desc limit ?")
			.params(connectionId, limit)
			.query((rs, row) -> {
				String message = rs.getString("message");
				String key = rs.getString("message_key");
				String args = rs.getString("message_args");
				return new SyncLogEntry(SqlValues.instant(rs, "occurred_at"),
						Direction.valueOf(rs.getString("direction")), rs.getObject("referral_id", UUID.class),
						rs.getBoolean("failed"), message,
						key == null ? new DefaultMessageSourceResolvable(null, message)
								: LogText.read(key, args == null ? List.of() : this.json.readValue(args, List.class))
									.resolvable(message));
			})
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
