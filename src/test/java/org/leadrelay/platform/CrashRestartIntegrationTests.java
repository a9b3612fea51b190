package org.leadrelay.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadrelay.testing.ApiClient;
import org.leadrelay.testing.AppNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LeadRelay on its embedded database, killed with SIGKILL (its PostgreSQL is left
 * running, holding the data directory), starts again on the same data directory: the
 * orphaned postmaster is shut down cleanly first.
 */
class CrashRestartIntegrationTests {

	@TempDir
	Path dataDir;

	@AfterEach
	void stopWhatIsLeft() throws IOException {
		// should the test fail half-way, no postgres outlives it
		postmaster().ifPresent(process -> {
			process.destroy();
			process.onExit().join();
		});
	}

	@Test
	void aNodeKilledHardStartsAgainOnTheSameDataDirectory() throws Exception {
		AppNode first = AppNode.startEmbedded("crash-first", this.dataDir, "leadrelay.demo.enabled=false")
			.awaitReady(Duration.ofMinutes(3));
		ProcessHandle orphan = postmaster().orElseThrow();
		String key = Files.readString(this.dataDir.resolve(Secrets.KEY_FILE));

		first.kill();

		assertThat(orphan.isAlive()).as("SIGKILL leaves the embedded PostgreSQL running").isTrue();
		try (AppNode second = AppNode.startEmbedded("crash-second", this.dataDir, "leadrelay.demo.enabled=false")
			.awaitReady(Duration.ofMinutes(3))) {
			assertThat(orphan.isAlive()).as("the orphan was shut down").isFalse();
			assertThat(ApiClient.anonymous(second.port()).get("/.well-known/oauth-authorization-server").status())
				.as("the token-signing key stored by the first run is read")
				.isEqualTo(200);
			assertThat(Files.readString(this.dataDir.resolve(Secrets.KEY_FILE))).isEqualTo(key);
		}
	}

	private Optional<ProcessHandle> postmaster() throws IOException {
		Path pidFile = this.dataDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		return OrphanedPostmaster.postmasterOf(this.dataDir, Files.readAllLines(pidFile));
	}

}
