package org.leadrelay.bench;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What PostgreSQL spent on each statement during a scenario (pg_stat_statements), per
 * unit of the scenario's work: where the server's share of a sweep goes. On a database
 * not started with the library preloaded (an external one), it reports that instead.
 */
final class StatementCosts implements LoadGenerator.Window {

	private final JdbcClient jdbc;

	private final boolean available;

	StatementCosts(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.available = jdbc.sql("select current_setting('shared_preload_libraries') like '%pg_stat_statements%'")
			.query(Boolean.class)
			.single();
	}

	/** Counts from the opening of a measured period. */
	@Override
	public void opened() {
		reset();
	}

	/** Starts counting from zero. */
	void reset() {
		if (this.available) {
			this.jdbc.sql("create extension if not exists pg_stat_statements").update();
			this.jdbc.sql("select pg_stat_statements_reset()").query().listOfRows();
		}
	}

	/** The costliest statements since {@link #reset()}, in microseconds per unit. */
	List<String> top(int limit, long units, String unit) {
		if (!this.available) {
			return List.of("(pg_stat_statements is not preloaded on this server)");
		}
		return this.jdbc.sql("""
				select calls, total_exec_time, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) as query
				from pg_stat_statements
				where query not like '%pg_stat_statements%' and query not like '%bench backlog%'
				order by total_exec_time desc limit ?""")
			.param(limit)
			.query((rs, row) -> String.format("%,9.0f µs/%s %,9d calls %,10d rows  %s",
					rs.getDouble("total_exec_time") * 1000 / units, unit, rs.getLong("calls"), rs.getLong("rows"),
					rs.getString("query")))
			.list();
	}

	/**
	 * The tables autovacuum vacuumed or analyzed in the last {@code seconds}: work of the
	 * server that no statement shows.
	 */
	List<String> autovacuumed(long seconds) {
		return this.jdbc.sql("""
				select relname || coalesce(' vacuumed ' || to_char(last_autovacuum, 'HH24:MI:SS'), '')
				       || coalesce(' analyzed ' || to_char(last_autoanalyze, 'HH24:MI:SS'), '')
				from pg_stat_all_tables
				where greatest(last_autovacuum, last_autoanalyze) > now() - make_interval(secs => ?)
				order by relname""").param(seconds).query(String.class).list();
	}

	/** All statements' time since {@link #reset()}, in microseconds per unit. */
	double total(long units) {
		if (!this.available) {
			return Double.NaN;
		}
		return this.jdbc.sql("select coalesce(sum(total_exec_time), 0) from pg_stat_statements")
			.query(Double.class)
			.single() * 1000 / units;
	}

}
