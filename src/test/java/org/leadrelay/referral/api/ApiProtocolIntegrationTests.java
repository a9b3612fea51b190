package org.leadrelay.referral.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leadrelay.testing.ApiClient;
import org.leadrelay.testing.ApiClient.Response;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadrelay.testing.ReferralRequests.newReferral;

/**
 * What the Referrals API does around the referrals themselves: {@code $select} and
 * {@code $expand}, problem+json for every refusal on {@code /v1.0}, and the
 * {@code MS-CorrelationId} header.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ApiProtocolIntegrationTests {

	static final String REFERRALS = "/v1.0/engagements/referrals";

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	Program program;

	ApiClient contoso;

	String token;

	@BeforeEach
	void setUp() {
		this.program = this.programs.create();
		this.token = ApiClient.anonymous(this.port)
			.tokenRequest(this.program.contosoClient())
			.json()
			.get("access_token")
			.asString();
		this.contoso = ApiClient.withToken(this.port, this.token);
	}

	@Test
	void selectReturnsOnlyTheTopLevelPropertiesAskedForAndExpandIsIgnored() {
		String id = send();

		JsonNode one = this.contoso
			.get(REFERRALS + "/" + id, Map.of("$select", "id,name,status,substatus", "$expand", "customerProfile"))
			.json();
		JsonNode list = this.contoso.get(REFERRALS, Map.of("$select", "id,status", "$expand", "team", "$count", "true"))
			.json();
		JsonNode whole = this.contoso.get(REFERRALS, Map.of("$expand", "team")).json();

		assertThat(one.propertyNames()).containsExactlyInAnyOrder("id", "name", "status", "substatus");
		assertThat(one.get("id").asString()).isEqualTo(id);
		assertThat(list.get("@odata.count").asInt()).isEqualTo(1);
		assertThat(list.at("/value/0").propertyNames()).containsExactlyInAnyOrder("id", "status");
		assertThat(whole.at("/value/0/customerProfile/name").asString()).isEqualTo("Alpine Dairy Kft.");
		Response unknown = this.contoso.get(REFERRALS + "/" + id, Map.of("$select", "id,favourite"));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.errorTarget()).isEqualTo("$select");
	}

	@Test
	void everyRefusalOnTheApiIsProblemJson() throws Exception {
		String id = send();

		HttpResponse<String> methodNotAllowed = send("DELETE", REFERRALS + "/" + id, null, null, null);
		HttpResponse<String> unsupported = send("POST", REFERRALS, "text/plain", "hello", null);
		HttpResponse<String> notAcceptable = send("GET", REFERRALS + "/" + id, null, null, "application/xml");
		HttpResponse<String> unknownRoute = send("GET", "/v1.0/engagements/nothing-here", null, null, null);
		HttpResponse<String> malformed = send("POST", REFERRALS, "application/json", "{\"name\": ", null);
		HttpResponse<String> malformedPut = send("PUT", REFERRALS + "/" + id, "application/json", "[1,", null);
		HttpResponse<String> unknownRegistrationRoute = send("GET", "/webhooks/v1/nothing-here", null, null, null);
		HttpResponse<String> registrationMethod = send("PATCH", "/webhooks/v1/registration", "application/json", "{}",
				null);

		assertProblem(methodNotAllowed, 405, "methodNotAllowed");
		assertThat(methodNotAllowed.headers().firstValue("Allow").orElse("")).contains("GET", "PATCH", "PUT");
		assertProblem(unsupported, 415, "unsupportedMediaType");
		assertProblem(notAcceptable, 406, "notAcceptable");
		assertProblem(unknownRoute, 404, "itemNotFound");
		assertProblem(malformed, 400, "invalidRequest");
		assertProblem(malformedPut, 400, "invalidRequest");
		assertProblem(unknownRegistrationRoute, 404, "itemNotFound");
		assertProblem(registrationMethod, 405, "methodNotAllowed");
	}

	@Test
	void theCreateBodyTakesEmptyArraysAndObjectsButNoUnknownName() {
		ObjectNode body = newReferral(this.program.budapest());
		((ObjectNode) body.get("customerProfile")).put("size", "1to9employees").putArray("ids");
		body.putArray("tags");
		body.putArray("registrations");
		body.putObject("links");
		body.putObject("trackingInfo");
		((ObjectNode) body.get("details").get("requirements")).putArray("offers");
		ObjectNode typo = body.deepCopy();
		((ObjectNode) typo.get("customerProfile").get("address")).put("regoin", "Észak-Alföld");
		ApiClient vendor = ApiClient.as(this.port, this.program.vendorClient());

		Response created = vendor.post(REFERRALS, body.toString());
		Response refused = vendor.post(REFERRALS, typo.toString());

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.errorTarget()).isEqualTo("customerProfile/address/regoin");
	}

	@Test
	void theCorrelationIdIsEchoedAndWrittenInTheRequestsLogLines(CapturedOutput output) throws Exception {
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		String logger = "org.leadrelay.platform.CorrelationIdFilter";
		logging.setLogLevel(logger, LogLevel.DEBUG);
		try {
			String sent = "corr-" + UUID.randomUUID();
			Response echoed = this.contoso.header("MS-CorrelationId", sent)
				.header("X-Caller-Id", "conformance-suite")
				.get(REFERRALS);
			Response generated = this.contoso.get(REFERRALS);
			Response replaced = this.contoso.header("MS-CorrelationId", "not a plain id").get(REFERRALS);
			Response refused = ApiClient.anonymous(this.port).header("MS-CorrelationId", sent).get(REFERRALS);

			assertThat(echoed.status()).isEqualTo(200);
			assertThat(echoed.header("MS-CorrelationId")).isEqualTo(sent);
			assertThat(generated.header("MS-CorrelationId")).isNotBlank();
			assertThat(UUID.fromString(generated.header("MS-CorrelationId"))).isNotNull();
			assertThat(replaced.header("MS-CorrelationId")).isNotEqualTo("not a plain id");
			assertThat(refused.status()).isEqualTo(401);
			assertThat(refused.header("MS-CorrelationId")).isEqualTo(sent);
			List<String> lines = output.getOut().lines().filter(line -> line.contains(sent)).toList();
			assertThat(lines).anyMatch(line -> line.contains("[" + sent + "]") && line.contains("answered 200"));
			assertThat(output.getOut()).doesNotContain("not a plain id");
		}
		finally {
			logging.setLogLevel(logger, null);
		}
	}

	private void assertProblem(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		JsonNode body = JsonMapper.builder().build().readTree(response.body());
		assertThat(body.at("/error/code").asString()).isEqualTo(code);
		assertThat(body.get("status").asInt()).isEqualTo(status);
	}

	private HttpResponse<String> send(String method, String path, String contentType, String body, String accept)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + this.token)
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (accept != null) {
			request.header("Accept", accept);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String send() {
		ObjectNode body = newReferral(this.program.budapest());
		((ObjectNode) body.get("customerProfile")).put("size", "1to9employees");
		Response created = ApiClient.as(this.port, this.program.vendorClient()).post(REFERRALS, body.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

}
