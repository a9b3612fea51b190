package org.leadrelay.identity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.leadrelay.testing.ApiClient;
import org.leadrelay.testing.ApiClient.Response;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.MutableClock;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Credentials;
import org.leadrelay.testing.TestProgram.Program;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization server over real HTTP: the token endpoint is throttled per address
 * and per client id, answers unknown client ids as slowly as known ones, and a revoked
 * client's tokens stop working within seconds; endpoints LeadRelay does not use are not
 * there.
 */
@IntegrationTest
class TokenEndpointIntegrationTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final AtomicInteger addresses = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	@Autowired
	ApiClients clients;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void oneAddressAskingTooOftenIsToldToRetryLater() {
		String address = newAddress();
		Response answer = null;
		for (int i = 0; i < 200 && (answer == null || answer.status() != 429); i++) {
			answer = tokenRequest(address, null);
		}

		assertThat(answer.status()).isEqualTo(429);
		assertThat(Long.parseLong(answer.header("Retry-After"))).isPositive();
		assertThat(answer.json().get("error").asString()).isEqualTo("slow_down");
		assertThat(tokenRequest(newAddress(), this.programs.create().contosoClient()).status())
			.as("other addresses are not held back")
			.isEqualTo(200);
	}

	@Test
	void oneClientIdAskingTooOftenIsToldToRetryLaterFromAnyAddress() {
		Credentials guessed = new Credentials("lr-" + UUID.randomUUID(), "guess");
		Response answer = null;
		for (int i = 0; i < 40 && (answer == null || answer.status() != 429); i++) {
			answer = tokenRequest(newAddress(), guessed);
		}

		assertThat(answer.status()).isEqualTo(429);
		assertThat(answer.header("Retry-After")).isNotBlank();
		assertThat(tokenRequest(newAddress(), guessed).status()).isEqualTo(429);
		assertThat(tokenRequest(newAddress(), this.programs.create().contosoClient()).status()).isEqualTo(200);
	}

	@Test
	void unknownClientIdsAreAnsweredAsSlowlyAsKnownOnes() {
		Program program = this.programs.create();
		List<Long> known = new ArrayList<>();
		List<Long> unknown = new ArrayList<>();
		for (int i = 0; i < 9; i++) {
			String clientId = this.clients.register(program.contoso().id(), "Timing " + i).clientId();
			known.add(timeOfFailedRequest(new Credentials(clientId, "wrong secret")));
			unknown.add(timeOfFailedRequest(new Credentials("lr-" + UUID.randomUUID(), "wrong secret")));
		}

		assertThat(median(unknown)).as("unknown %s ms, known %s ms", unknown, known).isGreaterThan(median(known) / 2);
	}

	@Test
	void aRevokedClientsTokensAreRefusedWithinSecondsOnEveryNode() {
		Credentials credentials = this.programs.create().contosoClient();
		ApiClient api = ApiClient.as(this.port, credentials);
		assertThat(api.get("/v1.0/engagements/referrals").status()).isEqualTo(200);

		// as another node, on the shared database, does
		this.jdbc.sql("update api_client set revoked_at = now() where client_id = ?")
			.param(credentials.clientId())
			.update();
		this.clock.advance(Duration.ofSeconds(5).plusMillis(1));

		Response refused = api.get("/v1.0/engagements/referrals");
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.header("WWW-Authenticate")).contains("invalid_token");
	}

	@Test
	void endpointsOtherThanTokenKeysAndMetadataAreNotThere() {
		for (String path : List.of("/oauth2/authorize", "/oauth2/authorize?response_type=code&client_id=x",
				"/oauth2/authorize?response_type=code&client_id=" + this.programs.create().contosoClient().clientId()
						+ "&redirect_uri=https://evil.example/&scope=openid")) {
			assertThat(send(HttpRequest.newBuilder(uri(path)).GET()).status()).as("GET " + path).isEqualTo(404);
		}
		for (String path : List.of("/oauth2/authorize", "/oauth2/introspect", "/oauth2/revoke")) {
			assertThat(post(path).status()).as("POST " + path).isEqualTo(404);
		}
		for (String path : List.of("/oauth2/par", "/oauth2/device_authorization", "/oauth2/device_verification",
				"/userinfo", "/connect/register")) {
			assertThat(post(path).status()).as("POST " + path).isBetween(300, 499);
		}

		assertThat(send(HttpRequest.newBuilder(uri("/oauth2/jwks")).GET()).status()).isEqualTo(200);
		assertThat(send(HttpRequest.newBuilder(uri("/.well-known/oauth-authorization-server")).GET()).body())
			.contains("/oauth2/token")
			.doesNotContain("/oauth2/introspect")
			.doesNotContain("/oauth2/revoke")
			.doesNotContain("/oauth2/device_authorization");
		assertThat(tokenRequest(newAddress(), this.programs.create().contosoClient()).status()).isEqualTo(200);
	}

	private Response post(String path) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("client_id=x&token=y")));
	}

	private long timeOfFailedRequest(Credentials credentials) {
		long started = System.nanoTime();
		assertThat(tokenRequest(newAddress(), credentials).status()).isEqualTo(401);
		return (System.nanoTime() - started) / 1_000_000;
	}

	private static long median(List<Long> values) {
		return values.stream().sorted().toList().get(values.size() / 2);
	}

	private static String newAddress() {
		int n = addresses.incrementAndGet();
		return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
	}

	private Response tokenRequest(String address, Credentials credentials) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("X-Forwarded-For", address)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"));
		if (credentials != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString(
						(credentials.clientId() + ":" + credentials.secret()).getBytes(StandardCharsets.UTF_8)));
		}
		return send(request);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
