package org.leadrelay.platform;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start, brings every {@link SealedColumn} up to date: rows stored in plain text
 * (before secrets were encrypted) are encrypted, rows sealed under a previous key are
 * re-encrypted under the current one. Each row is updated only if it still holds what was
 * read, so nodes starting together do not undo each other's work.
 */
@Component
public class SecretsAtRest implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(SecretsAtRest.class);

	private final Secrets secrets;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final List<SealedColumn> columns;

	SecretsAtRest(Secrets secrets, JdbcClient jdbc, TransactionTemplate transactions, List<SealedColumn> columns) {
		this.secrets = secrets;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.columns = columns;
	}

	@Override
	public void afterPropertiesSet() {
		this.columns.forEach(this::update);
	}

	/** Encrypts or re-encrypts what is not sealed under the current key; the count. */
	public int update(SealedColumn column) {
		Integer updated = this.transactions.execute(status -> {
			List<Row> rows = this.jdbc
				.sql("select %s::text as id, %s as value from %s where %s is not null".formatted(column.id(),
						column.column(), column.table(), column.column()))
				.query((rs, row) -> new Row(rs.getString("id"), rs.getString("value")))
				.list();
			int count = 0;
			for (Row row : rows) {
				if (this.secrets.isCurrent(row.value())) {
					continue;
				}
				String sealed = this.secrets.reseal(row.value(), SealedColumn.context(column.table(), row.id()));
				count += this.jdbc
					.sql("update %s set %s = ? where %s::text = ? and %s = ?".formatted(column.table(), column.column(),
							column.id(), column.column()))
					.params(sealed, row.id(), row.value())
					.update();
			}
			return count;
		});
		if (updated != null && updated > 0) {
			log.info("Encrypted {} secret(s) of {}.{} under the current leadrelay.secrets.key", updated, column.table(),
					column.column());
		}
		return updated == null ? 0 : updated;
	}

	private record Row(String id, String value) {
	}

}
