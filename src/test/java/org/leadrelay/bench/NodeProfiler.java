package org.leadrelay.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;

import one.convert.Arguments;
import one.convert.JfrToFlame;

/**
 * Measures the CPU time LeadRelay's process spends on a scenario, and for the scenarios
 * named by {@code --profile} records it with JFR (started and stopped by {@code jcmd}) to
 * break it down by layer and draw a flame graph
 * ({@code target/bench/<scenario>-flame.html}).
 */
final class NodeProfiler {

	private final long pid;

	private final Path dir;

	/** The scenarios to record ({@code --profile get,create}). */
	private final Set<String> recorded;

	private final StringBuilder breakdowns = new StringBuilder();

	private final Map<String, Double> cpuPerRequest = new LinkedHashMap<>();

	private final Map<String, Double> postgresPerRequest = new LinkedHashMap<>();

	/** LeadRelay's database, whose server's CPU is measured too when it runs here. */
	private final BenchDatabase database;

	/** PostgreSQL's statements since the last measured period opened. */
	private final StatementCosts statements;

	NodeProfiler(long pid, BenchDatabase database, Path dir, Set<String> recorded) {
		this.pid = pid;
		this.database = database;
		this.statements = new StatementCosts(database.jdbc());
		this.dir = dir;
		this.recorded = recorded;
	}

	/** Starts a recording of the scenario, when profiling. */
	private void startRecording(String scenario) throws IOException, InterruptedException {
		if (this.recorded.contains(scenario)) {
			jcmd("JFR.start", "name=" + scenario, "settings=profile",
					"filename=" + this.dir.resolve(scenario + ".jfr").toAbsolutePath());
		}
	}

	/**
	 * Stops the scenario's recording and breaks it down by layer, scaled to the CPU time
	 * per request measured meanwhile.
	 */
	private void stopRecording(String scenario, CpuMeter.Reading cpu, double requests)
			throws IOException, InterruptedException {
		if (!this.recorded.contains(scenario)) {
			return;
		}
		jcmd("JFR.stop", "name=" + scenario);
		Path jfr = this.dir.resolve(scenario + ".jfr");
		Path flame = this.dir.resolve(scenario + "-flame.html");
		Arguments arguments = new Arguments("--title", "LeadRelay: " + scenario);
		JfrToFlame.convert(jfr.toString(), flame.toString(), arguments);
		this.breakdowns.append(CostBreakdown.of(jfr).markdown(scenario, cpu.microsPer(requests), requests))
			.append('\n');
		Benchmark.log("%s: %.0f µs of CPU per request; flame graph %s", scenario, cpu.microsPer(requests), flame);
	}

	/**
	 * Runs a scenario while measuring LeadRelay's CPU time, recording it with JFR when it
	 * is to be profiled.
	 */
	LoadGenerator.Result observe(String scenario, LoadGenerator load, IntFunction<HttpRequest> requests, int seconds)
			throws Exception {
		return observe(scenario, cpu -> load.run(scenario, requests, cpu), result -> result.throughput() * seconds);
	}

	/**
	 * Runs a scenario that opens and closes its measured period itself (the import: from
	 * the upload to the end of its last chunk), per unit of work it counts (rows).
	 */
	<T> T observe(String scenario, Run<T> run, ToDoubleFunction<T> units) throws Exception {
		startRecording(scenario);
		CpuMeter cpu = new CpuMeter(this.pid);
		Optional<CpuMeter> postgres = this.database.postmaster().map(CpuMeter::postgres);
		T result = run.run(postgres.map(cpu::and).orElse(cpu).and(this.statements));
		double measured = units.applyAsDouble(result);
		this.cpuPerRequest.put(scenario, cpu.reading().microsPer(measured));
		postgres.ifPresent(meter -> this.postgresPerRequest.put(scenario, meter.reading().microsPer(measured)));
		stopRecording(scenario, cpu.reading(), measured);
		return result;
	}

	/**
	 * LeadRelay's CPU microseconds per request of each scenario and PostgreSQL's
	 * meanwhile (when it runs here), as markdown.
	 */
	String cpuTable() {
		StringBuilder table = new StringBuilder(
				"| scenario | LeadRelay's CPU µs per request | PostgreSQL's CPU µs per request |\n|---|---|---|\n");
		this.cpuPerRequest.forEach((scenario, micros) -> {
			Double postgres = this.postgresPerRequest.get(scenario);
			table.append(String.format("| %s | %,.0f | %s |%n", scenario, micros,
					postgres == null ? "not here" : String.format("%,.0f", postgres)));
		});
		return table.toString();
	}

	/**
	 * PostgreSQL's costliest statements since the last measured period opened, per unit
	 * of its work (its requests).
	 */
	List<String> statements(long units, String unit) {
		return this.statements.top(10, units, unit);
	}

	/** The tables autovacuum worked on in the last {@code seconds}. */
	List<String> autovacuumed(long seconds) {
		return this.statements.autovacuumed(seconds);
	}

	/** The breakdowns of the scenarios recorded, as markdown. */
	String breakdowns() {
		return this.breakdowns.toString();
	}

	/** A scenario that tells {@code window} when its measured period opens and closes. */
	@FunctionalInterface
	interface Run<T> {

		T run(LoadGenerator.Window window) throws Exception;

	}

	private void jcmd(String... command) throws IOException, InterruptedException {
		String java = ProcessHandle.current().info().command().orElseThrow();
		Path jcmd = Path.of(java).resolveSibling("jcmd");
		List<String> line = new ArrayList<>(List.of(jcmd.toString(), Long.toString(this.pid)));
		line.addAll(List.of(command));
		Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (process.waitFor() != 0 || output.contains("Could not")) {
			throw new IllegalStateException(String.join(" ", line) + ": " + output);
		}
	}

}
