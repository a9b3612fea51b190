package org.leadrelay.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an embedded PostgreSQL when no {@code spring.datasource.url} is configured, so
 * that {@code ./mvnw spring-boot:run} needs nothing installed. With a URL set, Spring
 * Boot's own DataSource auto-configuration takes over and this class does nothing.
 * <p>
 * It listens on loopback only and asks every connection for a password (SCRAM), one
 * generated on the first start and kept in the data directory ({@value #PASSWORD_FILE},
 * mode 0600): other local users cannot connect as its superuser. A postmaster left
 * running by a LeadRelay that was killed is shut down before the start
 * ({@link OrphanedPostmaster}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
class EmbeddedPostgresConfiguration {

	static final String PASSWORD_FILE = "leadrelay-db-password";

	private static final String HBA_HEADER = "# Written by LeadRelay: a password (SCRAM) for every connection, loopback only";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	private static final Map<String, String> DURABLE = Map.of("fsync", "on", "synchronous_commit", "on",
			"full_page_writes", "on");

	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
		// Spring stops it (destroyMethod) after the beans that use it; zonky's own JVM
		// shutdown hook would stop it at the same time, under listeners still at work.
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false);
		String configured = properties.dataDir();
		Path dataDir;
		if (configured == null || configured.isBlank()) {
			dataDir = Files.createTempDirectory("leadrelay-postgres");
			builder.setDataDirectory(dataDir).setCleanDataDirectory(true);
			log.info("Starting embedded PostgreSQL in a temporary directory; its data is deleted on shutdown");
		}
		else {
			dataDir = Files.createDirectories(Path.of(configured).toAbsolutePath());
			OrphanedPostmaster.stopIfAny(dataDir);
			builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
			log.info("Starting embedded PostgreSQL with its data in {}", dataDir);
		}
		if (properties.port() > 0) {
			builder.setPort(properties.port());
		}
		Path passwordFile = dataDir.resolve(PASSWORD_FILE);
		String password = Files.exists(passwordFile) ? SecretFiles.read(passwordFile) : SecretFiles.random(24);
		// written after initdb, which wants an empty directory
		builder.setDataDirectoryCustomizer(directory -> {
			try {
				if (!Files.exists(passwordFile)) {
					SecretFiles.write(passwordFile, password);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		builder.setConnectConfig("password", password);
		// zonky starts PostgreSQL without fsync (-F) for throw-away test databases;
		// data that is meant to survive gets the durability of a normal server unless
		// configured otherwise.
		Map<String, String> settings = new LinkedHashMap<>(DURABLE);
		settings.put("listen_addresses", "localhost");
		settings.putAll(properties.serverConfig());
		settings.forEach(builder::setServerConfig);
		EmbeddedPostgres postgres = builder.start();
		try {
			requirePasswords(postgres, dataDir, password);
		}
		catch (IOException | SQLException | RuntimeException ex) {
			postgres.close();
			throw new IllegalStateException("Could not secure the embedded PostgreSQL in " + dataDir, ex);
		}
		log.info("Embedded PostgreSQL listens on localhost:{}", postgres.getPort());
		return new EmbeddedDatabase(postgres, dataDir, password);
	}

	/**
	 * initdb lets every local connection in without a password ({@code trust}); on the
	 * first start the superuser gets the generated password and {@code pg_hba.conf}
	 * requires it from then on.
	 */
	private static void requirePasswords(EmbeddedPostgres postgres, Path dataDir, String password)
			throws IOException, SQLException {
		Path hba = dataDir.resolve("pg_hba.conf");
		if (Files.readString(hba).startsWith(HBA_HEADER)) {
			return;
		}
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("set password_encryption = 'scram-sha-256'");
			// generated base64url, never user input; ALTER ROLE takes no bind parameter
			statement.execute("alter role postgres password '" + password + "'");
			Files.writeString(hba, HBA_HEADER + """

					local all all scram-sha-256
					host all all 127.0.0.1/32 scram-sha-256
					host all all ::1/128 scram-sha-256
					""");
			statement.execute("select pg_reload_conf()");
		}
	}

	@Bean
	EmbeddedDatabaseMarker embeddedDatabaseMarker(EmbeddedDatabase database) {
		return new EmbeddedDatabaseMarker(database.postgres().getPort());
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedDatabase database) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setDriverClassName("org.postgresql.Driver");
		dataSource.setJdbcUrl(database.postgres().getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setPassword(database.password());
		dataSource.setPoolName("leadrelay");
		return dataSource;
	}

	/**
	 * The running embedded database, where its data lives and the password it asks for.
	 */
	record EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir, String password) implements AutoCloseable {

		@Override
		public void close() throws IOException {
			this.postgres.close();
		}

	}

}
