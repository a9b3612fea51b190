package org.leadrelay.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on 127.0.0.1 that records every request and answers with scripted
 * statuses (then 200), verifying each signature as a real receiver would.
 */
public final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final Deque<Answer> script = new ArrayDeque<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	/** Answers requests in parallel, as a real receiver does. */
	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger mostInFlight = new AtomicInteger();

	private volatile Duration delay = Duration.ZERO;

	private WebhookReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(this.executor);
		this.server.createContext("/", exchange -> {
			long received = System.nanoTime();
			this.mostInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
			try {
				Thread.sleep(this.delay.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			Answer answer;
			synchronized (this.script) {
				answer = this.script.isEmpty() ? new Answer(200, Map.of()) : this.script.removeFirst();
			}
			try (InputStream body = exchange.getRequestBody()) {
				var headers = exchange.getRequestHeaders();
				this.requests.add(new Request(exchange.getRequestMethod(), headers.getFirst("webhook-id"),
						headers.getFirst("webhook-timestamp"), headers.getFirst("webhook-signature"),
						headers.getFirst("Content-Type"), new String(body.readAllBytes(), StandardCharsets.UTF_8),
						answer.status(), received));
			}
			this.inFlight.decrementAndGet();
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

	/** Takes this long over every answer, as a slow receiver does. */
	WebhookReceiver answeringAfter(Duration delay) {
		this.delay = delay;
		return this;
	}

	/** The most requests it was answering at the same time. */
	int mostInFlight() {
		return this.mostInFlight.get();
	}

	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	public record Answer(int status, Map<String, String> headers) {
	}

	/**
	 * @param receivedNanos when it arrived, by {@link System#nanoTime()}
	 */
	public record Request(String method, String id, String timestamp, String signature, String contentType, String body,
			int answeredWith, long receivedNanos) {

		/** Whether the receiver took it (answered 2xx). */
		public boolean delivered() {
			return this.answeredWith / 100 == 2;
		}

		boolean verifiesWith(String secret, Instant now) throws Exception {
			return StandardWebhooksVerifier.verify(secret, this.id, this.timestamp, this.signature, this.body, now);
		}

	}

}
