package org.leadrelay.platform;

import java.util.List;

import org.leadrelay.platform.SealedColumnRepository.SealedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
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

	private final SealedColumnRepository values;

	private final TransactionTemplate transactions;

	private final List<SealedColumn> columns;

	SecretsAtRest(Secrets secrets, SealedColumnRepository values, TransactionTemplate transactions,
			List<SealedColumn> columns) {
		this.secrets = secrets;
		this.values = values;
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
			int count = 0;
			for (SealedValue read : this.values.findValues(column)) {
				if (this.secrets.isCurrent(read.value())) {
					continue;
				}
				String sealed = this.secrets.reseal(read.value(), SealedColumn.context(column.table(), read.id()));
				count += this.values.replace(column, read, sealed);
			}
			return count;
		});
		if (updated != null && updated > 0) {
			log.info("Encrypted {} secret(s) of {}.{} under the current leadrelay.secrets.key", updated, column.table(),
					column.column());
		}
		return updated == null ? 0 : updated;
	}

}
