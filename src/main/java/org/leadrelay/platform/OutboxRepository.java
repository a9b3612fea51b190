package org.leadrelay.platform;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What LeadRelay itself reads and writes of Spring Modulith's event publication registry
 * ({@code event_publication}, created by Flyway): the rest is Modulith's own.
 */
@Repository
class OutboxRepository {

	private final JdbcClient jdbc;

	OutboxRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Marks FAILED the publications in flight (published, processing or resubmitted)
	 * since before {@code staleBefore}; how many.
	 */
	int failInFlightSince(Instant staleBefore) {
		return this.jdbc.sql("""
				update event_publication set status = 'FAILED'
				where (status in ('PUBLISHED', 'PROCESSING') and publication_date < ?)
				   or (status = 'RESUBMITTED' and last_resubmission_date < ?)""")
			.params(SqlValues.timestamp(staleBefore), SqlValues.timestamp(staleBefore))
			.update();
	}

	/** How many publications are not completed yet. */
	long countPending() {
		return this.jdbc.sql("select count(*) from event_publication where completion_date is null")
			.query(Long.class)
			.single();
	}

	/** When the oldest publication not completed yet was published; null if none. */
	@Nullable Instant oldestPending() {
		return this.jdbc.sql("select min(publication_date) from event_publication where completion_date is null")
			.query((rs, row) -> SqlValues.instant(rs, "min"))
			.list()
			.get(0);
	}

}
