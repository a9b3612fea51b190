package org.leadrelay.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database the benchmark runs on: the embedded PostgreSQL (data kept in a directory,
 * so the seed survives between runs) or the one {@code SPRING_DATASOURCE_URL} names.
 */
final class BenchDatabase implements AutoCloseable {

	static final String VENDOR = "00000000-0000-7000-8000-000000000000";

	private final @Nullable EmbeddedPostgres embedded;

	private final String host;

	private final int port;

	private final String name;

	private final String user;

	private final @Nullable String password;

	private final DataSource dataSource;

	private BenchDatabase(@Nullable EmbeddedPostgres embedded, String host, int port, String name, String user,
			@Nullable String password) {
		this.embedded = embedded;
		this.host = host;
		this.port = port;
		this.name = name;
		this.user = user;
		this.password = password;
		PGSimpleDataSource source = new PGSimpleDataSource();
		source.setUrl(jdbcUrl());
		source.setUser(user);
		if (password != null) {
			source.setPassword(password);
		}
		this.dataSource = source;
	}

	/**
	 * The embedded PostgreSQL 17, tuned like a small dedicated server (durability left
	 * on).
	 */
	static BenchDatabase embedded(Path dataDir) throws IOException {
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(false)
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("max_connections", "200")
			.setServerConfig("shared_buffers", "2GB")
			.setServerConfig("effective_cache_size", "8GB")
			.setServerConfig("work_mem", "16MB")
			.setServerConfig("maintenance_work_mem", "512MB")
			.setServerConfig("max_wal_size", "8GB")
			.setServerConfig("checkpoint_timeout", "30min")
			.setServerConfig("random_page_cost", "1.1")
			// what each statement of a scenario costs the server (StatementCosts)
			.setServerConfig("shared_preload_libraries", "pg_stat_statements")
			.setPGStartupWait(java.time.Duration.ofMinutes(2))
			.start();
		return new BenchDatabase(postgres, "127.0.0.1", postgres.getPort(), "postgres", "postgres", null);
	}

	static BenchDatabase external(String jdbcUrl, String user, @Nullable String password) {
		URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
		String database = uri.getPath().substring(1);
		return new BenchDatabase(null, uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), database, user,
				password);
	}

	String jdbcUrl() {
		return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + this.name;
	}

	/**
	 * The server's postmaster, if it runs on this machine: the parent of a backend,
	 * looked up while the backend's connection is still open.
	 */
	Optional<ProcessHandle> postmaster() {
		try (Connection connection = this.dataSource.getConnection();
				ResultSet backend = connection.createStatement().executeQuery("select pg_backend_pid()")) {
			backend.next();
			return ProcessHandle.of(backend.getLong(1)).flatMap(ProcessHandle::parent);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot ask " + jdbcUrl() + " for its backend's process", ex);
		}
	}

	JdbcClient jdbc() {
		return JdbcClient.create(this.dataSource);
	}

	/** Creates or updates the schema, as LeadRelay's own start would. */
	void migrate() {
		// as the application does (spring.flyway.out-of-order): feature ranges may lie
		// below applied ones; the Java migrations LeadRelay registers itself (V85) are
		// applied when it starts, so they are missing here, not failed; those of another
		// branch run on the same database are future ones, as LeadRelay ignores them
		Flyway.configure()
			.dataSource(this.dataSource)
			.locations("classpath:db/migration")
			.outOfOrder(true)
			.ignoreMigrationPatterns("*:missing", "*:future")
			.load()
			.migrate();
	}

	boolean seeded() {
		return jdbc().sql("select exists (select 1 from organization where id = ?::uuid)")
			.param(VENDOR)
			.query(Boolean.class)
			.single();
	}

	/** Seeds in one transaction: an interrupted seed leaves nothing behind. */
	void seed() {
		new TransactionTemplate(new DataSourceTransactionManager(this.dataSource))
			.executeWithoutResult(status -> new ResourceDatabasePopulator(new ClassPathResource("bench/seed.sql"))
				.execute(this.dataSource));
	}

	/**
	 * Reads the referral tables into memory, their indexes into PostgreSQL's buffers, as
	 * on a server that has run a while: each run starts PostgreSQL anew, and on the cold
	 * 13 GB database an insert waited on random reads of index pages (the import's, at 40
	 * rows/s, was waiting on {@code DataFileRead}).
	 * @return the pages read
	 */
	long prewarm() {
		jdbc().sql("create extension if not exists pg_prewarm").update();
		return jdbc().sql("""
				select coalesce(sum(pg_prewarm(relation, mode)), 0) from (
				  select indrelid::regclass as relation, 'read' as mode from pg_index
				  where indrelid in ('referral'::regclass, 'referral_timeline'::regclass) group by indrelid
				  union all
				  select indexrelid::regclass, 'buffer' from pg_index
				  where indrelid in ('referral'::regclass, 'referral_timeline'::regclass)) warmed""")
			.query(Long.class)
			.single();
	}

	/** Undoes what a previous run consumed (see {@code bench/reset.sql}). */
	void reset() {
		new ResourceDatabasePopulator(new ClassPathResource("bench/reset.sql")).execute(this.dataSource);
	}

	void createDatabaseIfMissing(String database) {
		boolean exists = jdbc().sql("select exists (select 1 from pg_database where datname = ?)")
			.param(database)
			.query(Boolean.class)
			.single();
		if (!exists) {
			jdbc().sql("create database " + database).update();
		}
	}

	String host() {
		return this.host;
	}

	int port() {
		return this.port;
	}

	String name() {
		return this.name;
	}

	String user() {
		return this.user;
	}

	@Nullable String password() {
		return this.password;
	}

	@Override
	public void close() throws IOException {
		if (this.embedded != null) {
			this.embedded.close();
		}
	}

}
