package org.leadrelay.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on 127.0.0.1 that records every request and answers with scripted
 * statuses (then 200), verifying each signature as a real receiver would.
 */
public final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final Deque<Answer> script = new ArrayDeque<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private WebhookReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", exchange -> {
			Answer answer;
			synchronized (this.script) {
				answer = this.script.isEmpty() ? new Answer(200, Map.of()) : this.script.removeFirst();
			}
			try (InputStream body = exchange.getRequestBody()) {
				var headers = exchange.getRequestHeaders();
				this.requests.add(new Request(exchange.getRequestMethod(), headers.getFirst("webhook-id"),
						headers.getFirst("webhook-timestamp"), headers.getFirst("webhook-signature"),
						headers.getFirst("Content-Type"), new String(body.readAllBytes(), StandardCharsets.UTF_8),
						answer.status()));
			}
			answer.headers().forEach(exchange.getResponseHeaders()::add);
			exchange.sendResponseHeaders(answer.status(), -1);
			exchange.close();
		});
		this.server.start();
	}

	public static WebhookReceiver start() throws IOException {
		return new WebhookReceiver();
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hooks/leadrelay";
	}

	/** Answers the next request with this status (and headers) instead of 200. */
	WebhookReceiver thenAnswer(int status, Map<String, String> headers) {
		synchronized (this.script) {
			this.script.addLast(new Answer(status, headers));
		}
		return this;
	}

	public WebhookReceiver thenAnswer(int status) {
		return thenAnswer(status, Map.of());
	}

	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	public record Answer(int status, Map<String, String> headers) {
	}

	public record Request(String method, String id, String timestamp, String signature, String contentType, String body,
			int answeredWith) {

		/** Whether the receiver took it (answered 2xx). */
		public boolean delivered() {
			return this.answeredWith / 100 == 2;
		}

		boolean verifiesWith(String secret, Instant now) throws Exception {
			return StandardWebhooksVerifier.verify(secret, this.id, this.timestamp, this.signature, this.body, now);
		}

	}

}
