package org.leadrelay.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import org.leadrelay.bench.LoadGenerator.Result;
import org.leadrelay.testing.WebSession;

import static org.awaitility.Awaitility.await;

/**
 * A vendor's staff member uploads a 50,000-row CSV of leads for partners all over the
 * program, as the import page does, and waits on the progress page until the import has
 * finished.
 */
final class ImportScenario {

	static final int ROWS = 50_000;

	private static final String HEADER = "rowKey,location,qualification,customerName,country,notes,value,currency,"
			+ "consentToContact\r\n";

	private final int port;

	ImportScenario(int port) {
		this.port = port;
	}

	/**
	 * How long the upload took to answer, and the rows per second end to end: the
	 * {@code window} (LeadRelay's CPU time) from the upload to the import's end.
	 */
	Outcome run(LoadGenerator.Window window) {
		WebSession session = BenchCredentials.vendorSession(this.port);
		session.get("/leads/imports");
		byte[] file = file(Long.toString(System.currentTimeMillis(), 36));
		window.opened();
		long started = System.nanoTime();
		WebSession.Page answer = session.upload("/leads/imports", "bench.csv", file);
		double uploadMs = (System.nanoTime() - started) / 1e6;
		if (answer.status() != 302 || answer.location() == null) {
			throw new IllegalStateException("The upload was refused: " + answer);
		}
		String progress = answer.location().replaceFirst("^https?://[^/]+", "");
		Benchmark.log("Import: upload answered in %.2f s, following %s", uploadMs / 1000, progress);
		String[] summary = { "" };
		await("the import").atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
			summary[0] = session.get(progress).body();
			return summary[0].contains("Import finished");
		});
		double seconds = (System.nanoTime() - started) / 1e9;
		window.closed();
		boolean complete = summary[0].contains(String.format(Locale.ENGLISH, "%,d leads created", ROWS));
		Benchmark.log("Import: %,d rows finished after %.1f s (%.0f rows/s)%s", ROWS, seconds, ROWS / seconds,
				complete ? "" : ", but not every row created a lead");
		return new Outcome(new Result(1000 / uploadMs, uploadMs, uploadMs, uploadMs, 0),
				new Result(ROWS / seconds, Double.NaN, Double.NaN, Double.NaN, complete ? 0 : 1));
	}

	/**
	 * Rows for locations of partners 4 to 20,000 (the three biggest are measured apart).
	 */
	private static byte[] file(String run) {
		StringBuilder csv = new StringBuilder(HEADER);
		for (int i = 0; i < ROWS; i++) {
			csv.append("BENCH-")
				.append(run)
				.append('-')
				.append(i)
				.append(',')
				.append(Benchmark.location(4 + i % 19_997, 1 + i % 5))
				.append(",SalesQualified,Bench customer ")
				.append(i)
				.append(",HU,Needs an ERP,25000.00,EUR,true\r\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	record Outcome(Result upload, Result imported) {
	}

}
