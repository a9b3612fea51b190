package org.leadrelay.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrelay.platform.EmbeddedPostgresConfiguration.EmbeddedDatabase;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The embedded database keeps its data in the configured directory across restarts, and
 * lets nobody in without its generated password.
 */
class EmbeddedPostgresConfigurationTests {

	@TempDir
	Path dataDir;

	@Test
	void dataSurvivesARestart() throws Exception {
		EmbeddedPostgresConfiguration configuration = new EmbeddedPostgresConfiguration();
		EmbeddedPostgresProperties properties = new EmbeddedPostgresProperties(this.dataDir.toString(), 0, Map.of());

		try (EmbeddedDatabase first = configuration.embeddedPostgres(properties);
				var dataSource = configuration.dataSource(first)) {
			JdbcClient jdbc = JdbcClient.create(dataSource);
			jdbc.sql("create table note (text varchar(20))").update();
			jdbc.sql("insert into note values ('kept')").update();
		}
		try (EmbeddedDatabase second = configuration.embeddedPostgres(properties);
				var dataSource = configuration.dataSource(second)) {
			assertThat(JdbcClient.create(dataSource).sql("select text from note").query(String.class).single())
				.isEqualTo("kept");
		}
	}

	@Test
	void onlyTheGeneratedPasswordConnectsOverLoopback() throws Exception {
		EmbeddedPostgresConfiguration configuration = new EmbeddedPostgresConfiguration();
		EmbeddedPostgresProperties properties = new EmbeddedPostgresProperties(this.dataDir.toString(), 0, Map.of());

		try (EmbeddedDatabase database = configuration.embeddedPostgres(properties);
				var dataSource = configuration.dataSource(database)) {
			String url = "jdbc:postgresql://127.0.0.1:" + database.postgres().getPort() + "/postgres";
			Path passwordFile = this.dataDir.resolve(EmbeddedPostgresConfiguration.PASSWORD_FILE);

			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
				.withMessageContaining("password");
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres").close())
				.withMessageContaining("password authentication failed");
			DriverManager.getConnection(url, "postgres", Files.readString(passwordFile).strip()).close();
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
				.isEqualTo("rw-------");
			JdbcClient jdbc = JdbcClient.create(dataSource);
			assertThat(jdbc.sql("show listen_addresses").query(String.class).single()).isEqualTo("localhost");
			assertThat(jdbc.sql("select count(*) from pg_hba_file_rules where auth_method <> 'scram-sha-256'")
				.query(Long.class)
				.single()).isZero();
		}
	}

}
