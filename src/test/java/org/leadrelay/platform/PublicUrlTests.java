package org.leadrelay.platform;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Links are built from the configured public URL; on an external database it is required,
 * and a missing one stops the start with a message that names it.
 */
@ExtendWith(OutputCaptureExtension.class)
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
	void aStartWithoutItOnAnExternalDatabaseFailsSayingWhatToSet(CapturedOutput output) {
		SpringApplication application = new SpringApplication(PublicUrl.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(Map.of("spring.datasource.url", "jdbc:postgresql://db/leadrelay"));

		assertThatThrownBy(application::run).hasRootCauseInstanceOf(MissingSetting.class);
		assertThat(output).contains("APPLICATION FAILED TO START", "leadrelay.public-url is not set",
				"Set leadrelay.public-url (LEADRELAY_PUBLIC_URL)");
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
