package org.leadrelay.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;

/**
 * Runs {@code pgbench} against the benchmark database: the baseline every endpoint is
 * compared with. Latency percentiles come from pgbench's per-transaction log.
 */
final class PgBench {

	private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

	private final BenchDatabase database;

	private final Path workDir;

	/**
	 * PostgreSQL's CPU microseconds per transaction of each workload, when it runs here.
	 */
	private final Map<String, Double> postgresCpu = new LinkedHashMap<>();

	PgBench(BenchDatabase database, Path workDir) {
		this.database = database;
		this.workDir = workDir;
	}

	static boolean available() {
		try {
			return new ProcessBuilder("pgbench", "--version").start().waitFor() == 0;
		}
		catch (IOException | InterruptedException ex) {
			return false;
		}
	}

	/**
	 * Creates pgbench's own tables (for the TPC-B-like baseline) in database
	 * {@code pgbench}.
	 */
	void initialize(int scale) throws IOException, InterruptedException {
		this.database.createDatabaseIfMissing("pgbench");
		run(List.of("-i", "-q", "-s", String.valueOf(scale), "pgbench"), "pgbench -i");
	}

	LoadGenerator.Result builtin(String name, int clients, int seconds, String database)
			throws IOException, InterruptedException {
		return measure(name, List.of("-b", name, "-n", "-M", "prepared"), clients,
				List.of("-T", String.valueOf(seconds)), database);
	}

	LoadGenerator.Result script(String name, String sql, Map<String, String> variables, int clients, int seconds)
			throws IOException, InterruptedException {
		return script(name, sql, variables, clients, List.of("-T", String.valueOf(seconds)));
	}

	/** Runs the script exactly {@code transactions} times per client. */
	LoadGenerator.Result scriptTimes(String name, String sql, int clients, int transactions)
			throws IOException, InterruptedException {
		return script(name, sql, Map.of(), clients, List.of("-t", String.valueOf(transactions)));
	}

	private LoadGenerator.Result script(String name, String sql, Map<String, String> variables, int clients,
			List<String> limit) throws IOException, InterruptedException {
		Path script = this.workDir.resolve(name + ".sql");
		Files.writeString(script, sql);
		List<String> options = new ArrayList<>(List.of("-f", script.toString(), "-n", "-M", "prepared"));
		variables.forEach((key, value) -> options.addAll(List.of("-D", key + "=" + value)));
		return measure(name, options, clients, limit, this.database.name());
	}

	private LoadGenerator.Result measure(String name, List<String> options, int clients, List<String> limit,
			String database) throws IOException, InterruptedException {
		Path logs = Files.createDirectories(this.workDir.resolve("pgbench-log-" + name));
		try (Stream<Path> old = Files.list(logs)) {
			old.forEach(file -> file.toFile().delete());
		}
		List<String> arguments = new ArrayList<>(options);
		arguments.addAll(List.of("-c", String.valueOf(clients), "-j", String.valueOf(Math.min(clients, 4))));
		arguments.addAll(limit);
		arguments.addAll(List.of("-l", "--log-prefix=" + logs.resolve("tx"), database));
		Optional<ProcessHandle> postmaster = this.database.postmaster();
		long processes = postmaster.map(server -> server.descendants().count()).orElse(0L);
		Optional<CpuMeter> postgres = postmaster.map(CpuMeter::postgres);
		postgres.ifPresent(CpuMeter::opened);
		String output = run(arguments, name);
		if (postmaster.isPresent()) {
			CpuMeter.awaitBackends(postmaster.get(), processes);
		}
		postgres.ifPresent(CpuMeter::closed);
		Matcher tps = TPS.matcher(output);
		if (!tps.find()) {
			throw new IllegalStateException("pgbench " + name + " printed no tps:\n" + output);
		}
		Histogram histogram = new Histogram(60_000_000L, 3);
		long failed = 0;
		try (Stream<Path> files = Files.list(logs)) {
			for (Path file : files.toList()) {
				for (String line : Files.readAllLines(file)) {
					String[] fields = line.split(" ");
					if (fields.length > 2 && !fields[2].equals("failed") && !fields[2].equals("skipped")) {
						histogram.recordValue(Math.min(Long.parseLong(fields[2]), 60_000_000L));
					}
					else {
						failed++;
					}
				}
			}
		}
		long transactions = histogram.getTotalCount() + failed;
		postgres.ifPresent(meter -> this.postgresCpu.put(name, meter.reading().microsPer(transactions)));
		return new LoadGenerator.Result(Double.parseDouble(tps.group(1)), histogram.getValueAtPercentile(50) / 1000.0,
				histogram.getValueAtPercentile(95) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0, failed);
	}

	/** PostgreSQL's CPU per transaction of each workload run, as markdown. */
	String cpuTable() {
		StringBuilder table = new StringBuilder(
				"| pgbench workload | PostgreSQL's CPU µs per transaction |\n|---|---|\n");
		this.postgresCpu.forEach((name, micros) -> table.append(String.format("| %s | %,.0f |%n", name, micros)));
		return table.toString();
	}

	private String run(List<String> arguments, String name) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("pgbench", "-h", this.database.host(), "-p",
				String.valueOf(this.database.port()), "-U", this.database.user()));
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		if (this.database.password() != null) {
			builder.environment().put("PGPASSWORD", this.database.password());
		}
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes());
		if (process.waitFor() != 0) {
			throw new IllegalStateException("pgbench " + name + " failed:\n" + output);
		}
		return output;
	}

}
