package org.leadrelay.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Conversions between Java values and JDBC parameters that the PostgreSQL driver does not
 * do on its own (instants, arrays of UUIDs, columns of rows written in one statement).
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

	/**
	 * One column of a statement over {@code unnest} of text arrays, each value in its
	 * text form (an enum constant's name, ISO-8601 for instants), which PostgreSQL casts
	 * to the column's type.
	 */
	public static <T> String[] textColumn(List<T> rows, Function<T, @Nullable Object> value) {
		String[] column = new String[rows.size()];
		for (int n = 0; n < column.length; n++) {
			Object each = value.apply(rows.get(n));
			column[n] = each == null ? null : each instanceof Enum<?> constant ? constant.name() : each.toString();
		}
		return column;
	}

}
