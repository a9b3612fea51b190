package org.leadrelay.platform;

import java.nio.file.Path;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database keeps its data in the configured directory across restarts.
 */
class EmbeddedPostgresConfigurationTests {

	@TempDir
	Path dataDir;

	@Test
	void dataSurvivesARestart() throws Exception {
		EmbeddedPostgresConfiguration configuration = new EmbeddedPostgresConfiguration();
		EmbeddedPostgresProperties properties = new EmbeddedPostgresProperties(this.dataDir.toString(), 0, Map.of());

		try (EmbeddedPostgres first = configuration.embeddedPostgres(properties);
				var dataSource = configuration.dataSource(first)) {
			JdbcClient jdbc = JdbcClient.create(dataSource);
			jdbc.sql("create table note (text varchar(20))").update();
			jdbc.sql("insert into note values ('kept')").update();
		}
		try (EmbeddedPostgres second = configuration.embeddedPostgres(properties);
				var dataSource = configuration.dataSource(second)) {
			assertThat(JdbcClient.create(dataSource).sql("select text from note").query(String.class).single())
				.isEqualTo("kept");
		}
	}

}
