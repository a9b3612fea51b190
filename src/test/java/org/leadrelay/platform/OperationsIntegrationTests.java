package org.leadrelay.platform;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leadrelay.testing.ApiClient;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.leadrelay.testing.ReferralRequests.accept;
import static org.leadrelay.testing.ReferralRequests.newReferral;

/**
 * What operators see: public health probes, a Prometheus scrape only with the management
 * token, business metrics that move with the referrals, and log lines that carry the
 * request's correlation id.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class OperationsIntegrationTests {

	static final String TOKEN = "test-management-token";

	static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	@Test
	void healthIsPublicAndPrometheusNeedsTheManagementToken() throws Exception {
		for (String probe : new String[] { "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/readiness" }) {
			HttpResponse<String> health = get(probe, null);
			assertThat(health.statusCode()).as(probe).isEqualTo(200);
			assertThat(health.body()).as(probe).contains("\"status\":\"UP\"");
		}
		assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
		assertThat(get("/actuator/prometheus", "Bearer wrong-token").statusCode()).isEqualTo(401);
		assertThat(get("/actuator/prometheus", "Bearer ").statusCode()).isEqualTo(401);
		assertThat(get("/actuator/info", null).statusCode()).isEqualTo(401);

		HttpResponse<String> scrape = get("/actuator/prometheus", "Bearer " + TOKEN);
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("leadrelay_referrals_received_total{", "leadrelay_referrals_accepted_total{",
				"leadrelay_referrals_declined_total", "leadrelay_referrals_expired_total",
				"leadrelay_referrals_won_total", "leadrelay_outbox_backlog", "leadrelay_outbox_oldest_age_seconds",
				"leadrelay_webhooks_failures_total", "http_server_requests_seconds");
	}

	@Test
	void referralMetricsCountWhatHappens() throws Exception {
		Program program = this.programs.create();
		ApiClient vendor = ApiClient.as(this.port, program.vendorClient());
		double received = metric("leadrelay_referrals_received_total{qualification=\"SalesQualified\"}");
		double accepted = metric("leadrelay_referrals_accepted_total{qualification=\"SalesQualified\"}");

		String id = vendor.post("/v1.0/engagements/referrals", newReferral(program.budapest()).toString())
			.json()
			.get("id")
			.asString();
		ApiClient.as(this.port, program.contosoClient()).patch("/v1.0/engagements/referrals/" + id, accept());

		// a new lead is counted when it is announced, shortly after its commit
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(metric("leadrelay_referrals_received_total{qualification=\"SalesQualified\"}"))
						.isGreaterThanOrEqualTo(received + 1));
		assertThat(metric("leadrelay_referrals_accepted_total{qualification=\"SalesQualified\"}"))
			.isGreaterThanOrEqualTo(accepted + 1);
		assertThat(metric("leadrelay_outbox_backlog")).isGreaterThanOrEqualTo(0);
	}

	@Test
	void logLinesCarryTheCorrelationId(CapturedOutput output) {
		MDC.put("correlationId", "3f2c7a52-correlation");
		try {
			LoggerFactory.getLogger(OperationsIntegrationTests.class).info("Something worth a log line");
		}
		finally {
			MDC.remove("correlationId");
		}
		assertThat(output.getAll()).containsPattern("\\[3f2c7a52-correlation\\].*Something worth a log line");
	}

	@Test
	void structuredLogLinesCarryTheCorrelationIdAsAField() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setFormat("ecs");
		encoder.setContext(context);
		encoder.start();
		MDC.put("correlationId", "3f2c7a52-correlation");
		try {
			LoggingEvent event = new LoggingEvent(OperationsIntegrationTests.class.getName(),
					context.getLogger(OperationsIntegrationTests.class), Level.INFO, "Something worth a log line", null,
					null);
			assertThat(new String(encoder.encode(event), StandardCharsets.UTF_8))
				.contains("\"correlationId\":\"3f2c7a52-correlation\"", "\"message\":\"Something worth a log line\"");
		}
		finally {
			MDC.remove("correlationId");
			encoder.stop();
		}
	}

	private double metric(String series) throws Exception {
		String body = get("/actuator/prometheus", "Bearer " + TOKEN).body();
		Matcher value = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.Ee+-]+)$").matcher(body);
		assertThat(value.find()).as(series + " in\n" + body).isTrue();
		return Double.parseDouble(value.group(1));
	}

	private HttpResponse<String> get(String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
