package org.leadrelay.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leadrelay.testing.ApiClient;
import org.leadrelay.testing.ApiClient.Response;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Credentials;
import org.leadrelay.testing.TestProgram.Program;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators and integrators reach first: health, the API documentation, and the
 * promise that no secret or token ends up in the logs.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PlatformIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	@Test
	void healthAnswersWithoutAuthentication() {
		Response health = ApiClient.anonymous(this.port).get("/actuator/health");

		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
	}

	@Test
	void theOpenApiDocumentDescribesTheApi() throws Exception {
		Response docs = ApiClient.anonymous(this.port).get("/v3/api-docs");
		HttpResponse<String> ui = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/swagger-ui.html")).build(),
					HttpResponse.BodyHandlers.ofString());

		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().get("paths").propertyNames()).contains("/v1.0/engagements/referrals",
				"/v1.0/engagements/referrals/{id}", "/v1.0/organizations");
		assertThat(ui.statusCode()).isEqualTo(200);
		assertThat(ui.body()).contains("swagger-ui");
	}

	@Test
	void secretsAndTokensAreNeverLogged(CapturedOutput output) {
		Program program = this.programs.create();
		Credentials credentials = program.contosoClient();
		Response token = ApiClient.anonymous(this.port).tokenRequest(credentials);
		String accessToken = token.json().get("access_token").asString();
		ApiClient.withToken(this.port, accessToken).get("/v1.0/engagements/referrals");
		ApiClient.withToken(this.port, accessToken + "x").get("/v1.0/engagements/referrals");
		ApiClient.anonymous(this.port).tokenRequest(new Credentials(credentials.clientId(), "wrong-secret-123"));

		assertThat(output.getAll()).doesNotContain(credentials.secret())
			.doesNotContain(accessToken)
			.doesNotContain("wrong-secret-123");
	}

}
