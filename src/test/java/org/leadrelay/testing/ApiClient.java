package org.leadrelay.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.leadrelay.testing.TestProgram.Credentials;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to the running application over real HTTP, as an integration would: gets a token
 * with the client credentials grant, then calls the API with it.
 */
public final class ApiClient {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String baseUrl;

	private final @Nullable String token;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private ApiClient(String baseUrl, @Nullable String token) {
		this.baseUrl = baseUrl;
		this.token = token;
	}

	public static ApiClient anonymous(int port) {
		return new ApiClient("http://localhost:" + port, null);
	}

	public static ApiClient as(int port, Credentials credentials) {
		Response response = anonymous(port).tokenRequest(credentials);
		if (response.status() != 200) {
			throw new IllegalStateException("No token for " + credentials.clientId() + ": " + response);
		}
		return new ApiClient("http://localhost:" + port, response.json().get("access_token").stringValue());
	}

	public static ApiClient withToken(int port, String token) {
		return new ApiClient("http://localhost:" + port, token);
	}

	public Response tokenRequest(Credentials credentials) {
		String basic = Base64.getEncoder()
			.encodeToString((credentials.clientId() + ":" + credentials.secret()).getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/oauth2/token"))
			.header("X-Forwarded-For", hostOf(credentials))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
	}

	/**
	 * The address an integration asks for its tokens from: one of its own per client id
	 * (forwarded by the tests' loopback, a trusted proxy), as integrations run on hosts
	 * of their own. From one address the whole suite's integrations would soon be held
	 * back by the token endpoint's throttle per address, which
	 * TokenEndpointIntegrationTests covers.
	 */
	private static String hostOf(Credentials credentials) {
		int hash = credentials.clientId().hashCode();
		return "2001:db8::" + Integer.toHexString(hash >>> 16) + ":" + Integer.toHexString(hash & 0xffff);
	}

	/** A copy that sends this header on every request. */
	public ApiClient header(String name, String value) {
		ApiClient copy = new ApiClient(this.baseUrl, this.token);
		copy.headers.putAll(this.headers);
		copy.headers.put(name, value);
		return copy;
	}

	public Response get(String path) {
		return send(request(path).GET());
	}

	/** GET with query parameters, encoded as a client library would. */
	public Response get(String path, Map<String, String> query) {
		StringBuilder url = new StringBuilder(path).append('?');
		query.forEach((name, value) -> url.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8))
			.append('&'));
		return get(url.substring(0, url.length() - 1));
	}

	public Response post(String path, String body) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	public Response put(String path, String body) {
		return send(request(path).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body)));
	}

	public Response patch(String path, String body) {
		return send(request(path).header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
	}

	public Response put(String path, byte[] body, String contentType) {
		return send(
				request(path).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	public Response delete(String path) {
		return send(request(path).DELETE());
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest
			.newBuilder(URI.create(path.startsWith("http") ? path : this.baseUrl + path));
		if (this.token != null) {
			builder.header("Authorization", "Bearer " + this.token);
		}
		this.headers.forEach(builder::header);
		return builder;
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

	/** An HTTP answer, with its body readable as JSON. */
	public record Response(int status, Map<String, java.util.List<String>> headers, String body) {

		public JsonNode json() {
			return json.readTree(this.body);
		}

		public @Nullable String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter(entry -> entry.getKey().equalsIgnoreCase(name))
				.map(entry -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		/** The {@code error.code} of a problem response. */
		public String errorCode() {
			return json().path("error").path("code").asString();
		}

		public String errorTarget() {
			return json().path("error").path("target").asString();
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
