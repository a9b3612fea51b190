package org.leadrelay.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.leadrelay.testing.WebSession;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The API clients and the vendor user the benchmark signs in with. They are written into
 * the database before LeadRelay starts, because LeadRelay runs in its own process: the
 * load generator cannot call its services, only its HTTP interface, as a real client
 * would.
 */
final class BenchCredentials {

	static final String VENDOR_USER = "bench-vendor@bench.example";

	private static final String SECRET = "bench-secret-4f1c2a9e7d";

	private static final String PASSWORD = "bench-password-2026";

	private final HttpClient http = HttpClient.newHttpClient();

	/** Writes a client for each organization and the vendor's admin, unless present. */
	static void install(JdbcClient jdbc, List<String> organizations) {
		PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		for (String organization : organizations) {
			jdbc.sql("insert into api_client (id, organization_id, client_id, secret_hash, name, created_at) "
					+ "values (gen_random_uuid(), ?::uuid, ?, ?, 'Bench client', now()) on conflict (client_id) do nothing")
				.params(organization, clientId(organization), encoder.encode(SECRET))
				.update();
		}
		jdbc.sql("insert into app_user (id, organization_id, email, display_name, password_hash, roles, locale, "
				+ "time_zone, created_at) values (gen_random_uuid(), ?::uuid, ?, 'Bench Vendor Admin', ?, "
				+ "array['VENDOR_ADMIN'], 'en', 'UTC', now()) on conflict (email) do nothing")
			.params(BenchDatabase.VENDOR, VENDOR_USER, encoder.encode(PASSWORD))
			.update();
	}

	/** An access token of the organization's client, from the token endpoint. */
	String token(String baseUrl, String organization) throws IOException, InterruptedException {
		String basic = Base64.getEncoder()
			.encodeToString((clientId(organization) + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("No token for " + organization + ": " + response.body());
		}
		return JsonMapper.builder().build().readTree(response.body()).get("access_token").asString();
	}

	/** A browser-like session of the vendor's admin. */
	static WebSession vendorSession(int port) {
		WebSession session = new WebSession(port);
		WebSession.Page page = session.signIn(VENDOR_USER, PASSWORD);
		if (page.status() != 302 || page.location() == null || page.location().contains("error")) {
			throw new IllegalStateException("The bench vendor could not sign in: " + page);
		}
		return session;
	}

	private static String clientId(String organization) {
		return "bench-" + organization.substring(organization.length() - 12);
	}

}
