package org.leadrelay.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The floor of a GET: a static file served by the same node through the same container
 * and filter chain, with no query, no token and no JSON.
 */
final class StaticFloor {

	private StaticFloor() {
	}

	/**
	 * The static file of the node closest in size to a referral's JSON, as the floor of a
	 * GET through the same container and filter chain.
	 */
	static String fileLike(String baseUrl, String referral, String token) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newHttpClient();
		int size = http.send(LoadGenerator.request(referral, token).GET().build(), HttpResponse.BodyHandlers.ofString())
			.body()
			.length();
		Map<String, Integer> sizes = new HashMap<>();
		for (String path : List.of("/css/leadrelay.css", "/js/insights.js", "/js/recommendations.js",
				"/js/time-zone.js", "/favicon.ico")) {
			sizes.put(
					baseUrl + path, http
						.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
								HttpResponse.BodyHandlers.ofByteArray())
						.body().length);
		}
		Benchmark.log("a referral's JSON is %,d bytes", size);
		return sizes.keySet()
			.stream()
			.min(Comparator.comparingInt(path -> Math.abs(sizes.get(path) - size)))
			.orElseThrow();
	}

}
