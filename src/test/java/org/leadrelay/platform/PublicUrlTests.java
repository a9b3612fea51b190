package org.leadrelay.platform;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Links are built from the configured public URL; on an external database it is required,
 * and a missing one stops the start with a message that names it.
 */
class PublicUrlTests {

	@Test
	void linksUseTheConfiguredAddress() {
		PublicUrl url = new PublicUrl("https://leads.example.com/", "jdbc:postgresql://db/leadrelay", 8080);

		assertThat(url.of("/set-password?token=x")).isEqualTo("https://leads.example.com/set-password?token=x");
	}

	@Test
	void onTheEmbeddedDatabaseItIsDerivedFromTheServerPort() {
		assertThat(new PublicUrl("", "", 9090).of("/leads")).isEqualTo("http://localhost:9090/leads");
	}

	@Test
	void onAnExternalDatabaseAMissingPublicUrlStopsTheStartNamingIt() {
		MissingSetting missing = catchThrowableOfType(MissingSetting.class,
				() -> new PublicUrl(" ", "jdbc:postgresql://db/leadrelay", 8080));

		FailureAnalysis analysis = new MissingSettingFailureAnalyzer().analyze(new RuntimeException(missing));
		assertThat(analysis.getDescription()).contains("leadrelay.public-url is not set", "external database");
		assertThat(analysis.getAction()).contains("LEADRELAY_PUBLIC_URL");
	}

}
