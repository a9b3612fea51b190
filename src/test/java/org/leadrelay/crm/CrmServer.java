package org.leadrelay.crm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A CRM on 127.0.0.1 for tests: an OAuth 2.0 token endpoint that checks the client
 * credentials grant and issues tokens, an API that refuses any other token with 401 (so
 * tests can expire them), and scripted faults (an answer of their choice, or a correct
 * answer sent too late). Every request is recorded. Subclasses answer as their CRM does.
 */
abstract class CrmServer implements AutoCloseable {

	static final JsonMapper json = JsonMapper.builder().build();

	final String clientId;

	final String clientSecret;

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final Deque<Fault> faults = new ArrayDeque<>();

	private final Set<String> validTokens = java.util.concurrent.ConcurrentHashMap.newKeySet();

	private final AtomicInteger tokensIssued = new AtomicInteger();

	CrmServer(String clientId, String clientSecret) throws IOException {
		this.clientId = clientId;
		this.clientSecret = clientSecret;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	abstract String tokenPath();

	/** The token answer's fields besides the token itself. */
	abstract Map<String, Object> tokenFields();

	/** Checks what this CRM requires of a token request beyond the client credentials. */
	@Nullable String tokenRequestError(Map<String, String> form) {
		return null;
	}

	/** What this CRM answers to an API request without a valid token. */
	abstract Answer unauthorized();

	abstract Answer route(Request request);

	/** Answers the next matching request with this instead. */
	void failNext(String method, String pathPart, int status, Map<String, String> headers, String body) {
		synchronized (this.faults) {
			this.faults.add(new Fault(method, pathPart, new Answer(status, headers, body), null));
		}
	}

	/** Handles the next matching request as usual, but answers only after the delay. */
	void slowNext(String method, String pathPart, Duration delay) {
		synchronized (this.faults) {
			this.faults.add(new Fault(method, pathPart, null, delay));
		}
	}

	/** Every token issued so far stops working, as when a session times out. */
	void expireTokens() {
		this.validTokens.clear();
	}

	int tokensIssued() {
		return this.tokensIssued.get();
	}

	List<Request> requests() {
		return List.copyOf(this.requests);
	}

	/** Requests that change data (everything but GET and the token endpoint). */
	List<Request> writes() {
		return this.requests.stream()
			.filter(request -> !request.method().equals("GET") && !request.path().equals(tokenPath()))
			.toList();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		Request request = read(exchange);
		this.requests.add(request);
		Fault fault = takeFault(request);
		Answer answer;
		if (fault != null && fault.answer() != null) {
			answer = fault.answer();
		}
		else if (request.path().equals(tokenPath())) {
			answer = token(request);
		}
		else if (!this.validTokens.contains(bearer(request))) {
			answer = unauthorized();
		}
		else {
			answer = route(request);
		}
		if (fault != null && fault.delay() != null) {
			sleep(fault.delay());
		}
		try {
			answer.headers().forEach(exchange.getResponseHeaders()::add);
			byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
			if (!answer.body().isEmpty()) {
				exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
			}
			exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
			if (body.length > 0) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			}
		}
		catch (IOException ex) {
			// the client gave up waiting: what was done stays done, as on a real server
		}
		finally {
			exchange.close();
		}
	}

	private Answer token(Request request) {
		Map<String, String> form = formOf(request.body());
		String contentType = request.headers().getFirst("Content-Type");
		if (!request.method().equals("POST") || contentType == null
				|| !contentType.startsWith("application/x-www-form-urlencoded")) {
			return oauthError(400, "invalid_request", "POST a form (application/x-www-form-urlencoded)");
		}
		if (!"client_credentials".equals(form.get("grant_type"))) {
			return oauthError(400, "unsupported_grant_type", "grant_type must be client_credentials");
		}
		if (!this.clientId.equals(form.get("client_id")) || !this.clientSecret.equals(form.get("client_secret"))) {
			return oauthError(401, "invalid_client", "Invalid client secret provided.");
		}
		String error = tokenRequestError(form);
		if (error != null) {
			return oauthError(400, "invalid_scope", error);
		}
		String token = "token-" + this.tokensIssued.incrementAndGet();
		this.validTokens.add(token);
		Map<String, Object> fields = new LinkedHashMap<>(tokenFields());
		fields.put("access_token", token);
		fields.put("token_type", "Bearer");
		return Answer.json(200, fields);
	}

	private @Nullable Fault takeFault(Request request) {
		synchronized (this.faults) {
			for (Fault fault : this.faults) {
				if (fault.method().equals(request.method()) && request.path().contains(fault.pathPart())) {
					this.faults.remove(fault);
					return fault;
				}
			}
			return null;
		}
	}

	private static @Nullable String bearer(Request request) {
		String authorization = request.headers().getFirst("Authorization");
		return authorization != null && authorization.startsWith("Bearer ")
				? authorization.substring("Bearer ".length()) : null;
	}

	private static Request read(HttpExchange exchange) throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String rawQuery = exchange.getRequestURI().getRawQuery();
		return new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), formOf(rawQuery), rawQuery,
				exchange.getRequestHeaders(), body);
	}

	static Map<String, String> formOf(@Nullable String encoded) {
		Map<String, String> values = new LinkedHashMap<>();
		if (encoded == null || encoded.isEmpty()) {
			return values;
		}
		for (String pair : encoded.split("&")) {
			String[] parts = pair.split("=", 2);
			values.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
					parts.length == 2 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
		}
		return values;
	}

	static Answer oauthError(int status, String error, String description) {
		return Answer.json(status, Map.of("error", error, "error_description", description));
	}

	private static void sleep(Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A request as received, its query decoded. */
	record Request(String method, String path, Map<String, String> query, @Nullable String rawQuery, Headers headers,
			String body) {

		JsonNode json() {
			return CrmServer.json.readTree(this.body);
		}

		@Nullable String header(String name) {
			return this.headers.getFirst(name);
		}

	}

	record Answer(int status, Map<String, String> headers, String body) {

		static Answer json(int status, Object body) {
			return new Answer(status, Map.of(), CrmServer.json.writeValueAsString(body));
		}

		static Answer empty(int status, Map<String, String> headers) {
			return new Answer(status, headers, "");
		}

	}

	/** An answer of the test's choice, or the usual answer sent after a delay. */
	private record Fault(String method, String pathPart, @Nullable Answer answer, @Nullable Duration delay) {
	}

}
