package org.leadrelay.platform;

import java.util.regex.Pattern;

/**
 * A text column that holds secrets sealed by {@link Secrets}, declared as a bean by the
 * module that owns the table, so that {@link SecretsAtRest} encrypts its plain-text rows
 * and re-encrypts it after a key rotation. The context each value is sealed for is {@code
 *
<table>
 * :<id>}.
 *
 * @param table the table
 * @param id its primary key column
 * @param column the secret column (may be null in a row)
 */
public record SealedColumn(String table, String id, String column) {

	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

	public SealedColumn {
		for (String name : new String[] { table, id, column }) {
			// names go into SQL text: only plain identifiers, never anything configured
			if (!IDENTIFIER.matcher(name).matches()) {
				throw new IllegalArgumentException("Not a plain SQL identifier: " + name);
			}
		}
	}

	/** What a value in the row with this id is sealed for. */
	public static String context(String table, Object id) {
		return table + ":" + id;
	}

}
