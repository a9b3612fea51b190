package org.leadrelay.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrelay.testing.ApiClient;
import org.leadrelay.testing.AppNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Someone trying expiry out with a response window of seconds on a fresh embedded
 * database: the demo data is seeded to fit that window, and LeadRelay starts.
 */
class DemoDataIntegrationTests {

	@TempDir
	Path dataDir;

	@Test
	void demoDataFitsAShortResponseWindow() throws Exception {
		try (AppNode node = AppNode.startEmbedded("demo-short-window", this.dataDir,
				"leadrelay.referrals.response-window=PT8S")) {
			node.awaitReady(Duration.ofMinutes(4));
			Path log = Path.of("target/nodes/demo-short-window.log");
			// the demo data is seeded by the start itself: once it is in, the start went
			// on
			await().atMost(Duration.ofMinutes(2)).until(() -> Files.readString(log).contains("Demo data: created"));
			// a start that fails after seeding exits within moments
			await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(node::isAlive);

			assertThat(Files.readString(log)).doesNotContain("APPLICATION FAILED TO START", "DomainException");
			await().atMost(Duration.ofMinutes(1))
				.until(() -> Files.readString(log)
					.contains("Demo data: created an open channel conflict and a pending deal registration"));
			assertThat(ApiClient.anonymous(node.port()).get("/marketplace").status()).isEqualTo(200);
		}
	}

}
