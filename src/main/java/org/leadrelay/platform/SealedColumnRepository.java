package org.leadrelay.platform;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and rewrites the values of a {@link SealedColumn}, in whichever module's table it
 * is: the module declares the column, so that its secrets are kept sealed. The names in
 * the SQL are the column's, which admits plain identifiers only.
 */
@Repository
class SealedColumnRepository {

	private final JdbcClient jdbc;

	SealedColumnRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every value the column holds, with its row's id. */
	List<SealedValue> findValues(SealedColumn column) {
		return this.jdbc
			.sql("select %s::text as id, %s as value from %s where %s is not null".formatted(column.id(),
					column.column(), column.table(), column.column()))
			.query((rs, row) -> new SealedValue(rs.getString("id"), rs.getString("value")))
			.list();
	}

	/**
	 * Replaces the row's value with {@code sealed} if it still holds what was read; 1 if
	 * it did, 0 if another node got there first.
	 */
	int replace(SealedColumn column, SealedValue read, String sealed) {
		return this.jdbc
			.sql("update %s set %s = ? where %s::text = ? and %s = ?".formatted(column.table(), column.column(),
					column.id(), column.column()))
			.params(sealed, read.id(), read.value())
			.update();
	}

	/** A value of the column and its row's id. */
	record SealedValue(String id, String value) {
	}

}
