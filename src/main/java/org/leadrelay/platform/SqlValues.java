package org.leadrelay.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Conversions between Java values and JDBC parameters that the PostgreSQL driver does not
 * do on its own (instants, arrays of UUIDs).
 */
public final class SqlValues {

	private SqlValues() {
	}

	public static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	/** An array parameter to use as {@code = any(?::uuid[])}. */
	public static String[] uuidArray(Collection<UUID> ids) {
		return ids.stream().map(UUID::toString).toArray(String[]::new);
	}

}
