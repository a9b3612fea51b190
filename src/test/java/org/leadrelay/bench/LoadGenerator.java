package org.leadrelay.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import org.HdrHistogram.Histogram;

/**
 * A closed-loop HTTP load generator: {@code connections} threads each send a request,
 * wait for the answer and send the next, first for a warm-up, then for the measured
 * period. Latency is recorded per request in an HdrHistogram (microseconds).
 */
final class LoadGenerator {

	private final int connections;

	private final Duration warmup;

	private final Duration duration;

	LoadGenerator(int connections, Duration warmup, Duration duration) {
		this.connections = connections;
		this.warmup = warmup;
		this.duration = duration;
	}

	/**
	 * Runs one scenario.
	 * @param requests makes the i-th request of a thread (threads get disjoint sequences)
	 */
	Result run(String name, IntFunction<HttpRequest> requests) throws InterruptedException {
		return run(name, requests, Window.NONE);
	}

	/**
	 * Runs one scenario, telling {@code window} when the measured period opens and closes
	 * (to read the server's CPU time over the same period, say).
	 */
	Result run(String name, IntFunction<HttpRequest> requests, Window window) throws InterruptedException {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		AtomicBoolean measuring = new AtomicBoolean();
		AtomicBoolean stopped = new AtomicBoolean();
		AtomicLong errors = new AtomicLong();
		AtomicLong sequence = new AtomicLong();
		List<Histogram> histograms = new ArrayList<>();
		List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());
		CountDownLatch done = new CountDownLatch(this.connections);
		for (int t = 0; t < this.connections; t++) {
			Histogram histogram = new Histogram(60_000_000L, 3);
			histograms.add(histogram);
			Thread thread = new Thread(() -> {
				try {
					while (!stopped.get()) {
						HttpRequest request = requests.apply((int) sequence.getAndIncrement());
						long start = System.nanoTime();
						HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
						long micros = (System.nanoTime() - start) / 1_000;
						if (measuring.get()) {
							histogram.recordValue(Math.min(micros, 60_000_000L));
							if (response.statusCode() >= 300) {
								errors.incrementAndGet();
								if (firstErrors.size() < 3) {
									firstErrors.add(response.statusCode() + " " + response.body());
								}
							}
						}
					}
				}
				catch (Exception ex) {
					errors.incrementAndGet();
					firstErrors.add(ex.toString());
				}
				finally {
					done.countDown();
				}
			}, name + "-" + t);
			thread.setDaemon(true);
			thread.start();
		}
		Thread.sleep(this.warmup.toMillis());
		window.opened();
		measuring.set(true);
		long start = System.nanoTime();
		Thread.sleep(this.duration.toMillis());
		measuring.set(false);
		window.closed();
		double seconds = (System.nanoTime() - start) / 1e9;
		stopped.set(true);
		done.await();
		Histogram total = new Histogram(60_000_000L, 3);
		histograms.forEach(total::add);
		if (!firstErrors.isEmpty()) {
			System.out.println("  " + name + ": " + errors.get() + " errors, e.g. " + firstErrors.get(0));
		}
		return new Result(total.getTotalCount() / seconds, total.getValueAtPercentile(50) / 1000.0,
				total.getValueAtPercentile(95) / 1000.0, total.getValueAtPercentile(99) / 1000.0, errors.get());
	}

	static HttpRequest.Builder request(String url, String token) {
		return HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token);
	}

	/** Told when the measured period of a run opens and closes. */
	interface Window {

		Window NONE = new Window() {
		};

		default void opened() {
		}

		default void closed() {
		}

		/** This window and {@code other}, opened and closed together. */
		default Window and(Window other) {
			Window self = this;
			return new Window() {

				@Override
				public void opened() {
					self.opened();
					other.opened();
				}

				@Override
				public void closed() {
					self.closed();
					other.closed();
				}

			};
		}

	}

	/** Throughput (per second) and latency percentiles (milliseconds). */
	record Result(double throughput, double p50, double p95, double p99, long errors) {
	}

}
