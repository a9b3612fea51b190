package org.leadrelay.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	private static final Map<String, String> DURABLE = Map.of("fsync", "on", "synchronous_commit", "on",
			"full_page_writes", "on");

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
		// Spring stops it (destroyMethod) after the beans that use it; zonky's own JVM
		// shutdown hook would stop it at the same time, under listeners still at work.
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false);
		String dataDir = properties.dataDir();
		if (dataDir == null || dataDir.isBlank()) {
			builder.setCleanDataDirectory(true);
			log.info("Starting embedded PostgreSQL in a temporary directory; its data is deleted on shutdown");
		}
		else {
			Path path = Path.of(dataDir).toAbsolutePath();
			Files.createDirectories(path);
			builder.setDataDirectory(path).setCleanDataDirectory(false);
			log.info("Starting embedded PostgreSQL with its data in {}", path);
		}
		if (properties.port() > 0) {
			builder.setPort(properties.port());
		}
		// zonky starts PostgreSQL without fsync (-F) for throw-away test databases;
		// data that is meant to survive gets the durability of a normal server unless
		// configured otherwise.
		Map<String, String> settings = new LinkedHashMap<>(DURABLE);
		settings.putAll(properties.serverConfig());
		settings.forEach(builder::setServerConfig);
		EmbeddedPostgres postgres = builder.start();
		log.info("Embedded PostgreSQL listens on 127.0.0.1:{}", postgres.getPort());
		return postgres;
	}

	@Bean
	EmbeddedDatabaseMarker embeddedDatabaseMarker(EmbeddedPostgres postgres) {
		return new EmbeddedDatabaseMarker(postgres.getPort());
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setDriverClassName("org.postgresql.Driver");
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setPoolName("leadrelay");
		return dataSource;
	}

}
