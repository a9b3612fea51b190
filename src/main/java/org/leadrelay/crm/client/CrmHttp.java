package org.leadrelay.crm.client;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.jspecify.annotations.Nullable;
import org.leadrelay.crm.ConnectionTest.Proof;
import org.leadrelay.platform.RetrySchedule;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP with one CRM: signs in with the OAuth 2.0 client credentials grant, keeps the
 * access token until it expires or the CRM refuses it (then signs in again and repeats
 * the call once), and turns every other failure into a {@link CrmCallException} that says
 * what the CRM answered.
 */
final class CrmHttp {

	private static final int MAX_BODY = 4 * 1024 * 1024;

	/** Renew a token this long before the CRM said it expires. */
	private static final Duration EXPIRY_MARGIN = Duration.ofMinutes(1);

	private final CloseableHttpClient http;

	private final ConnectionSettings settings;

	private final Map<UUID, AccessToken> tokens;

	private final @Nullable String scope;

	private final JsonMapper json;

	private final Clock clock;

	private final Duration timeout;

	CrmHttp(CloseableHttpClient http, ConnectionSettings settings, Map<UUID, AccessToken> tokens,
			@Nullable String scope, JsonMapper json, Clock clock, Duration timeout) {
		this.http = http;
		this.settings = settings;
		this.tokens = tokens;
		this.scope = scope;
		this.json = json;
		this.clock = clock;
		this.timeout = timeout;
	}

	JsonNode getJson(String url, Map<String, String> headers) {
		return json(send("GET", url, null, headers));
	}

	/** Sends an authorized request; anything but a 2xx answer is thrown. */
	Response send(String method, String url, @Nullable JsonNode body, Map<String, String> headers) {
		AccessToken token = token();
		Response response = execute(request(method, url, body, headers, token.value()));
		if (response.status() == 401) {
			this.tokens.remove(this.settings.id(), token);
			response = execute(request(method, url, body, headers, token().value()));
			if (response.status() == 401) {
				throw new CrmCallException(crm() + " refused LeadRelay's access token (401) to " + method + " "
						+ path(url) + " even right after signing in again: " + detail(response), false, 401, null);
			}
		}
		if (response.status() / 100 != 2) {
			throw failure(method, url, response);
		}
		return response;
	}

	/**
	 * Signs in anew, whatever token is kept, as a connection test must.
	 * @return what the sign-in proved, for the test's report
	 */
	Proof signInAgain() {
		this.tokens.remove(this.settings.id());
		token();
		return Proof.of("Signed in at " + this.settings.tokenUrl() + " as client " + this.settings.clientId(),
				"crm.test.detail.signedIn", this.settings.tokenUrl(), this.settings.clientId());
	}

	JsonNode json(Response response) {
		try {
			return this.json.readTree(response.body());
		}
		catch (JacksonException ex) {
			throw CrmCallException.permanent(crm() + " answered with something that is not JSON: "
					+ ErrorBodies.describe(this.json, response.body()));
		}
	}

	String crm() {
		return this.settings.kind().displayName();
	}

	private AccessToken token() {
		Instant now = this.clock.instant();
		AccessToken kept = this.tokens.get(this.settings.id());
		if (kept != null && (kept.expiresAt() == null || now.isBefore(kept.expiresAt()))) {
			return kept;
		}
		AccessToken fresh = signIn(now);
		this.tokens.put(this.settings.id(), fresh);
		return fresh;
	}

	private AccessToken signIn(Instant now) {
		List<NameValuePair> form = new ArrayList<>();
		form.add(new BasicNameValuePair("grant_type", "client_credentials"));
		form.add(new BasicNameValuePair("client_id", this.settings.clientId()));
		form.add(new BasicNameValuePair("client_secret", this.settings.clientSecret()));
		if (this.scope != null) {
			form.add(new BasicNameValuePair("scope", this.scope));
		}
		HttpUriRequestBase request = new HttpUriRequestBase("POST", URI.create(this.settings.tokenUrl()));
		request.setHeader("Accept", "application/json");
		request.setEntity(new UrlEncodedFormEntity(form, StandardCharsets.UTF_8));
		Response response = execute(request);
		if (response.status() != 200) {
			throw new CrmCallException(
					"Signing in to " + crm() + " at " + this.settings.tokenUrl() + " as client "
							+ this.settings.clientId() + " failed with " + response.status() + ": " + detail(response),
					retryable(response.status()), response.status(), retryAfter(response));
		}
		JsonNode answer = json(response);
		String token = answer.path("access_token").asString("");
		if (token.isEmpty()) {
			throw CrmCallException.permanent("The token endpoint " + this.settings.tokenUrl()
					+ " answered without an access_token: " + ErrorBodies.describe(this.json, response.body()));
		}
		long expiresIn = answer.path("expires_in").asLong(0);
		// Salesforce does not say: its token lasts until it is refused.
		Instant expiresAt = expiresIn > 0 ? now.plusSeconds(expiresIn).minus(EXPIRY_MARGIN) : null;
		return new AccessToken(token, expiresAt);
	}

	private HttpUriRequestBase request(String method, String url, @Nullable JsonNode body, Map<String, String> headers,
			String token) {
		HttpUriRequestBase request = new HttpUriRequestBase(method, URI.create(url));
		request.setHeader("Accept", "application/json");
		headers.forEach(request::setHeader);
		request.setHeader("Authorization", "Bearer " + token);
		if (body != null) {
			request.setEntity(new StringEntity(this.json.writeValueAsString(body), ContentType.APPLICATION_JSON));
		}
		return request;
	}

	private Response execute(HttpUriRequestBase request) {
		String method = request.getMethod();
		String url = request.getRequestUri();
		try {
			return this.http.execute(request, CrmHttp::response);
		}
		catch (SocketTimeoutException ex) {
			throw new CrmCallException("No answer from " + crm() + " to " + method + " " + path(url) + " within "
					+ this.timeout.toSeconds() + " s", true, null, null);
		}
		catch (UnknownHostException ex) {
			throw new CrmCallException("Could not reach " + crm() + ": " + ex.getMessage(), true, null, null);
		}
		catch (IOException ex) {
			throw new CrmCallException(
					"Could not reach " + crm() + " for " + method + " " + path(url) + ": "
							+ ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : " " + ex.getMessage()),
					true, null, null);
		}
	}

	private static Response response(ClassicHttpResponse response) throws IOException {
		Map<String, String> headers = new HashMap<>();
		for (Header header : response.getHeaders()) {
			headers.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
		}
		try {
			String body = response.getEntity() == null ? ""
					: EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8, MAX_BODY);
			return new Response(response.getCode(), headers, body);
		}
		catch (ParseException ex) {
			throw new IOException("Unreadable answer", ex);
		}
	}

	private CrmCallException failure(String method, String url, Response response) {
		return new CrmCallException(
				crm() + " answered " + response.status() + " to " + method + " " + path(url) + ": " + detail(response),
				retryable(response.status()), response.status(), retryAfter(response));
	}

	private String detail(Response response) {
		return ErrorBodies.describe(this.json, response.body());
	}

	private @Nullable Duration retryAfter(Response response) {
		return RetrySchedule.retryAfter(response.header("retry-after"), this.clock.instant()).orElse(null);
	}

	private static boolean retryable(int status) {
		return status == 429 || status >= 500;
	}

	/** A query string ({@code ?a=1&b=2}) of name and value pairs, values encoded. */
	static String query(String... namesAndValues) {
		StringBuilder query = new StringBuilder();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			query.append(i == 0 ? '?' : '&')
				.append(namesAndValues[i])
				.append('=')
				.append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8).replace("+", "%20"));
		}
		return query.toString();
	}

	private static String path(String url) {
		return URI.create(url).getRawPath();
	}

	/** An answer: status, headers (by lower-case name) and body. */
	record Response(int status, Map<String, String> headers, String body) {

		@Nullable String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

	/**
	 * @param expiresAt when to sign in again, or null to keep it until it is refused
	 */
	record AccessToken(String value, @Nullable Instant expiresAt) {

		@Override
		public String toString() {
			return "AccessToken[***]";
		}

	}

}
