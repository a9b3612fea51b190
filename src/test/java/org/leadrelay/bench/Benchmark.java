package org.leadrelay.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.leadrelay.bench.LoadGenerator.Result;
import org.leadrelay.testing.AppNode;
import org.leadrelay.testing.WebSession;

import org.springframework.core.io.ClassPathResource;

import static org.awaitility.Awaitility.await;

/**
 * The performance harness (not a test): seeds 100,000 partner locations and 2,000,000
 * referrals, starts LeadRelay on them in its own JVM and measures each scenario over HTTP
 * from this one (the load generator), beside a pgbench baseline of the SQL the endpoint
 * needs, with the same number of clients, on the same database, in the same run. Prints
 * the measurements and the targets of issue 16 with PASS or MISS, and writes both to
 * {@code target/bench/results.md}.
 *
 * <p>
 * Run it with {@code bench/run.sh} (see the README); options: {@code --connections 32},
 * {@code --seconds 30}, {@code --warmup 30}, {@code --only get,list},
 * {@code --profile get,import} (JFR and a breakdown by layer, {@link NodeProfiler}). JVM
 * options for LeadRelay's process (a JFR recording, say) go in
 * {@code BENCH_NODE_JAVA_OPTS}.
 */
public final class Benchmark {

	static final String PARTNER_1 = partner(1);

	static final String PARTNER_2 = partner(2);

	static final String PARTNER_3 = partner(3);

	static final int SWEEP_SIZE = 200_000;

	/** The connections of the list's and recommendations' latency targets. */
	static final int FEW_CONNECTIONS = 8;

	private final BenchDatabase database;

	private final int connections;

	private final int seconds;

	private final int warmup;

	private final Path workDir;

	private final List<Row> rows = new ArrayList<>();

	private final Targets targets = new Targets();

	/** The scenarios to record with JFR ({@code --profile get,create}). */
	private final Set<String> profiled;

	private NodeProfiler profiler;

	private ListenerBacklog backlog;

	private long pid;

	/** What each write scenario left to the listeners, and what draining it cost. */
	private final StringBuilder drains = new StringBuilder();

	/** PostgreSQL's costliest statements of each write scenario. */
	private final StringBuilder statements = new StringBuilder();

	/** The scenarios to run ({@code --only get,list}); all by default. */
	private final Set<String> only;

	static final List<String> SCENARIOS = List.of("get", "list", "create", "accept", "insights", "recommendations",
			"import", "sweep");

	private Benchmark(BenchDatabase database, int connections, int seconds, int warmup, Path workDir, Set<String> only,
			Set<String> profiled) {
		this.only = only;
		this.profiled = profiled;
		this.database = database;
		this.connections = connections;
		this.seconds = seconds;
		this.warmup = warmup;
		this.workDir = workDir;
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		Path workDir = Files.createDirectories(Path.of("target/bench"));
		if (!PgBench.available()) {
			System.err.println("pgbench is needed for the baselines: apt-get install postgresql-client");
			System.exit(2);
		}
		String url = System.getenv("SPRING_DATASOURCE_URL");
		try (BenchDatabase database = url == null || url.isBlank()
				? BenchDatabase.embedded(workDir.resolve("postgres").toAbsolutePath())
				: BenchDatabase.external(url, System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres"),
						System.getenv("SPRING_DATASOURCE_PASSWORD"))) {
			new Benchmark(database, Integer.parseInt(options.getOrDefault("connections", "32")),
					Integer.parseInt(options.getOrDefault("seconds", "30")),
					Integer.parseInt(options.getOrDefault("warmup", "30")), workDir,
					Set.of(options.getOrDefault("only", String.join(",", SCENARIOS)).split(",")),
					Set.of(options.getOrDefault("profile", "").split(",")))
				.run();
		}
		catch (Exception ex) {
			ex.printStackTrace();
			// the application's own threads would keep the JVM alive
			System.exit(1);
		}
		System.exit(0);
	}

	private void run() throws Exception {
		// the data is put in place before LeadRelay starts, so that its
		// expiry sweep does not run into a half-prepared database
		prepare();
		try (AppNode app = start()) {
			this.profiler = new NodeProfiler(app.pid(), this.database, this.workDir, this.profiled);
			this.backlog = new ListenerBacklog(this.database.jdbc());
			this.pid = app.pid();
			PgBench pgbench = new PgBench(this.database, this.workDir);
			log("pgbench TPC-B-like tables (scale 10)");
			pgbench.initialize(10);
			awaitListeners("the reset and the start");
			measureEndpoints(app, pgbench);
			if (this.only.contains("insights")) {
				measureInsights(app);
			}
			if (this.only.contains("import")) {
				ImportScenario.Outcome outcome = this.profiler.observe("import", new ImportScenario(app.port())::run,
						imported -> ImportScenario.ROWS);
				this.targets.put("import-upload", outcome.upload());
				this.targets.put("import", outcome.imported());
				awaitListeners("CSV import");
			}
			if (this.only.contains("sweep")) {
				SweepScenario scenario = new SweepScenario(this.database, app.pid());
				Result sweep = this.profiler.observe("sweep", scenario::run, result -> SWEEP_SIZE);
				app.close();
				record("sweep", new Row("expiry sweep, " + SWEEP_SIZE + " due at once (referrals/s)", sweep,
						scenario.baseline(pgbench), null, 1));
			}
			report(pgbench);
		}
	}

	private void prepare() throws IOException {
		this.database.migrate();
		if (!this.database.seeded()) {
			log("Seeding 100,000 locations and 2,000,000 referrals (a few minutes, once per data directory)");
			long start = System.nanoTime();
			this.database.seed();
			log("Seeded in %.0f s", (System.nanoTime() - start) / 1e9);
		}
		BenchCredentials.install(this.database.jdbc(), List.of(BenchDatabase.VENDOR, PARTNER_1, PARTNER_2));
		log("Resetting the seeded open referrals");
		this.database.reset();
		this.database.jdbc().sql("vacuum analyze").update();
		long start = System.nanoTime();
		log("Read %,d pages of the referral tables and indexes into memory in %.0f s (pg_prewarm)",
				this.database.prewarm(), (System.nanoTime() - start) / 1e9);
		explain();
	}

	private void measureEndpoints(AppNode app, PgBench pgbench) throws Exception {
		String referrals = app.baseUrl() + "/v1.0/engagements/referrals";
		BenchCredentials credentials = new BenchCredentials();
		LoadGenerator load = load(this.connections);
		String partner1 = credentials.token(app.baseUrl(), PARTNER_1);
		if (this.only.contains("get")) {
			String staticFile = StaticFloor.fileLike(app.baseUrl(), referrals + "/" + referral(4242), partner1);
			// the first measurement would otherwise pay for the JIT compiling the stack
			// both share (the container, the filter chain) in its CPU per request
			log("warm-up: the static file and the GET, alternating");
			load.run("warm-up", i -> i % 2 == 0 ? HttpRequest.newBuilder(URI.create(staticFile)).GET().build()
					: LoadGenerator.request(referrals + "/" + referral(4242 + i), partner1).GET().build());
			log("static file %s: %d connections", staticFile, this.connections);
			Result file = observe("static", load, i -> HttpRequest.newBuilder(URI.create(staticFile)).GET().build());
			this.targets.put("static", file);
			this.rows.add(new Row("static file " + staticFile.substring(app.baseUrl().length()), file, null, null,
					this.connections));
			measure("get", "get referral by id (biggest partner)", "get",
					Map.of("org", PARTNER_1, "principal", "client:bench"), null,
					() -> observe("get", load, i -> LoadGenerator
						.request(referrals + "/" + referral(ThreadLocalRandom.current().nextInt(1, 200_001)), partner1)
						.GET()
						.build()),
					pgbench);
		}
		if (this.only.contains("list")) {
			String list = referrals + "?%24filter=status%20eq%20%27New%27&%24orderby=expirationDateTime&%24top=50";
			for (int clients : new int[] { FEW_CONNECTIONS, this.connections }) {
				LoadGenerator listLoad = load(clients);
				measure("list@" + clients, "list page, biggest partner, status eq 'New' by expiry", "list",
						Map.of("org", PARTNER_1, "principal", "client:bench"), null, () -> observe("list@" + clients,
								listLoad, i -> LoadGenerator.request(list, partner1).GET().build()),
						pgbench, clients);
			}
		}
		if (this.only.contains("create") || this.only.contains("accept")) {
			// pgbench's built-in workloads run on its own tables, in database "pgbench"
			log("pgbench TPC-B-like: %d clients", this.connections);
			Result tpcb = pgbench.builtin("tpcb-like", this.connections, this.seconds, "pgbench");
			this.targets.put("tpcb", tpcb);
			this.rows.add(new Row("pgbench TPC-B-like (reference of the writes)", tpcb, null, null, this.connections));
		}
		if (this.only.contains("create")) {
			String vendor = credentials.token(app.baseUrl(), BenchDatabase.VENDOR);
			String body = resource("create.json");
			measure("create", "create referral (vendor client)", "create", Map.of(), "tpcb",
					() -> observe("create", load,
							i -> LoadGenerator.request(referrals, vendor)
								.header("Content-Type", "application/json")
								.POST(HttpRequest.BodyPublishers.ofString(body.replace("LOCATION",
										location(ThreadLocalRandom.current().nextInt(4, 20_001),
												ThreadLocalRandom.current().nextInt(1, 6)))))
								.build()),
					pgbench);
		}
		if (this.only.contains("accept")) {
			String partner2 = credentials.token(app.baseUrl(), PARTNER_2);
			String accept = resource("accept.json");
			List<String> received = receivedOfPartner2();
			measure("accept", "accept via PATCH", "accept", Map.of("org", PARTNER_3), "tpcb",
					() -> observe("accept", load,
							i -> LoadGenerator.request(referrals + "/" + received.get(i % received.size()), partner2)
								.header("Content-Type", "application/json")
								.method("PATCH", HttpRequest.BodyPublishers.ofString(accept))
								.build()),
					pgbench);
		}
		if (this.only.contains("recommendations")) {
			String vendor = credentials.token(app.baseUrl(), BenchDatabase.VENDOR);
			String recommend = app.baseUrl()
					+ "/v1.0/routing/recommendations?industries=Manufacturing&products=Northwind%20ERP&country=HU";
			log("recommendations: %d connections", FEW_CONNECTIONS);
			Result result = observe("recommendations", load(FEW_CONNECTIONS),
					i -> LoadGenerator.request(recommend, vendor).GET().build());
			this.targets.put("recommendations", result);
			this.rows
				.add(new Row("recommendations for a lead (100,000 locations)", result, null, null, FEW_CONNECTIONS));
		}
	}

	/**
	 * The vendor's one-year insights page, opened by one person at a time, as the page is
	 * used, then the slowest responders' table that the page loads after itself: the view
	 * is complete when both have arrived.
	 */
	private void measureInsights(AppNode app) throws Exception {
		WebSession session = BenchCredentials.vendorSession(app.port());
		String cookie = "JSESSIONID=" + session.sessionId();
		URI insights = URI.create(app.baseUrl() + "/insights?range=ONE_YEAR");
		log("insights, vendor program, one year: 1 connection");
		Result page = observe("insights", load(1), i -> vendorPage(insights, cookie));
		this.targets.put("insights", page);
		this.rows.add(new Row("insights page, vendor program, one year", page, null, null, 1));
		URI slowest = URI.create(app.baseUrl() + "/insights/slowest?range=ONE_YEAR");
		log("insights, slowest responders, one year: 1 connection");
		Result table = observe("insights-slowest", load(1), i -> vendorPage(slowest, cookie));
		this.targets.put("insights-slowest", table);
		this.rows.add(new Row("insights slowest responders (after the page), one year", table, null, null, 1));
	}

	private static HttpRequest vendorPage(URI uri, String cookie) {
		return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Cookie", cookie).GET().build();
	}

	private Result observe(String scenario, LoadGenerator load, IntFunction<HttpRequest> requests) throws Exception {
		return this.profiler.observe(scenario, load, requests, this.seconds);
	}

	private LoadGenerator load(int clients) {
		return new LoadGenerator(clients, Duration.ofSeconds(this.warmup), Duration.ofSeconds(this.seconds));
	}

	/**
	 * LeadRelay in its own JVM, tuned as a small server would be; the load generator
	 * stays in this one.
	 */
	private AppNode start() throws IOException {
		log("Starting LeadRelay on %s", this.database.jdbcUrl());
		List<String> jvm = new ArrayList<>(List.of("-Xms1g", "-Xmx1g", "-XX:+UseParallelGC"));
		String extra = System.getenv("BENCH_NODE_JAVA_OPTS");
		if (extra != null && !extra.isBlank()) {
			jvm.addAll(List.of(extra.trim().split("\\s+")));
		}
		Map<String, String> environment = new HashMap<>(Map.of("SPRING_DATASOURCE_URL", this.database.jdbcUrl(),
				"SPRING_DATASOURCE_USERNAME", this.database.user()));
		if (this.database.password() != null) {
			environment.put("SPRING_DATASOURCE_PASSWORD", this.database.password());
		}
		return AppNode
			.startTuned("bench", jvm, environment, "leadrelay.demo.enabled=false",
					"leadrelay.api.rate-limit.requests-per-second=0", "leadrelay.referrals.expiry-poll-interval=PT1S",
					"logging.level.root=WARN", "logging.level.org.leadrelay=INFO",
					// the periodic responsiveness recomputation (every 10 minutes) is
					// measured by the marketplace benchmark, not here
					"leadrelay.routing.responsiveness-refresh-interval=P365D", "leadrelay.public-url=http://localhost",
					"leadrelay.secrets.key=" + AppNode.SECRETS_KEY,
					// other branches' migrations on the shared bench database, as in
					// migrate()
					"spring.flyway.ignore-migration-patterns=*:missing,*:future")
			.awaitReady(Duration.ofMinutes(5));
	}

	private void measure(String key, String scenario, String script, Map<String, String> variables,
			@Nullable String reference, Scenario endpoint, PgBench pgbench) throws Exception {
		measure(key, scenario, script, variables, reference, endpoint, pgbench, this.connections);
	}

	/**
	 * Measures a scenario and the same SQL in pgbench with as many clients.
	 * @param reference the key of a result this run measured before, to compare with
	 */
	private void measure(String key, String scenario, String script, Map<String, String> variables,
			@Nullable String reference, Scenario endpoint, PgBench pgbench, int clients) throws Exception {
		log("%s: %d connections, %d s warm-up, %d s measured", scenario, clients, this.warmup, this.seconds);
		Result result = endpoint.run();
		awaitListeners(scenario);
		if (reference != null) {
			// a write: where PostgreSQL's share goes, its listeners' statements too
			this.statements.append("\n")
				.append(scenario)
				.append(" (the measured period and the work it left):\n\n```\n");
			this.profiler.statements(Math.round(result.throughput() * this.seconds), "request")
				.forEach(line -> this.statements.append(line).append('\n'));
			this.statements.append("```\n\nAutovacuum meanwhile: ")
				.append(String.join("; ", this.profiler.autovacuumed(2L * (this.warmup + this.seconds))))
				.append('\n');
		}
		Result baseline = pgbench.script(script, resource(script + ".sql"), variables, clients, this.seconds);
		Result compared = reference == null ? null : this.targets.get(reference);
		record(key, new Row(scenario, result, baseline,
				compared == null ? null : new Row.Reference("TPC-B-like", compared), clients));
	}

	/**
	 * Waits for the listener work a scenario left behind, so that it neither runs into
	 * the next measurement nor goes unreported: its time and LeadRelay's CPU meanwhile.
	 */
	private void awaitListeners(String scenario) throws InterruptedException {
		if (this.backlog.size() == 0) {
			return;
		}
		CpuMeter cpu = new CpuMeter(this.pid);
		cpu.opened();
		ListenerBacklog.Drain drain = this.backlog.await();
		cpu.closed();
		String line = String.format("%s: %s, %.1f s of LeadRelay's CPU", scenario, drain, cpu.reading().seconds());
		log("%s", line);
		this.drains.append("- ").append(line).append('\n');
	}

	private void record(String key, Row row) {
		this.targets.put(key, row.app());
		this.rows.add(row);
		log("%s", row.markdown());
	}

	/**
	 * Writes the plans of the read queries to {@code target/bench/explain.txt}, to check
	 * index use.
	 */
	private void explain() throws IOException {
		StringBuilder plans = new StringBuilder();
		for (String script : List.of("get", "list")) {
			String sql = resource(script + ".sql").lines()
				.filter(line -> !line.startsWith("--") && !line.startsWith("\\"))
				.collect(Collectors.joining("\n"))
				.replace(":org::uuid", "'" + PARTNER_1 + "'::uuid")
				.replace(":principal", "'client:bench'")
				.replace(":n", "4242")
				.replace(";", "");
			plans.append("-- ").append(script).append('\n');
			this.database.jdbc()
				.sql("explain (analyze, buffers) " + sql)
				.query(String.class)
				.list()
				.forEach(line -> plans.append(line).append('\n'));
		}
		Files.writeString(this.workDir.resolve("explain.txt"), plans);
	}

	static String resource(String name) throws IOException {
		return new String(new ClassPathResource("bench/" + name).getInputStream().readAllBytes(),
				StandardCharsets.UTF_8);
	}

	private List<String> receivedOfPartner2() {
		return this.database.jdbc()
			.sql("select id::text from referral where organization_id = ?::uuid and substatus = 'Received' order by id")
			.param(PARTNER_2)
			.query(String.class)
			.list();
	}

	private void report(PgBench pgbench) throws IOException {
		StringBuilder table = new StringBuilder();
		table.append(
				"| scenario | clients | LeadRelay /s | p50 ms | p95 ms | p99 ms | errors | pgbench (same SQL) /s | p50 ms | p95 ms | p99 ms | LeadRelay / SQL | reference | LeadRelay / reference |\n");
		table.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
		for (Row row : this.rows) {
			table.append(row.markdown()).append('\n');
		}
		String report = "# LeadRelay benchmark, " + LocalDate.now() + "\n\n" + this.database.jdbcUrl() + ", "
				+ Runtime.getRuntime().availableProcessors() + " cores, " + this.seconds + " s per measurement after "
				+ this.warmup + " s warm-up; LeadRelay and the load generator in separate JVMs.\n\n## Targets\n\n"
				+ this.targets.markdown() + "\n## Measurements\n\n" + table
				+ "\n## CPU per request: LeadRelay and PostgreSQL\n\n" + this.profiler.cpuTable() + "\n"
				+ pgbench.cpuTable() + "\n## Listener work left after each scenario\n\n"
				+ (this.drains.isEmpty() ? "None.\n" : this.drains)
				+ "\n## PostgreSQL's costliest statements of the writes\n"
				+ (this.statements.isEmpty() ? "\nNo write measured.\n" : this.statements) + "\n"
				+ this.profiler.breakdowns();
		Files.writeString(this.workDir.resolve("results.md"), report);
		System.out.println();
		System.out.println(report);
	}

	static String partner(int number) {
		return "00000000-0000-7000-8001-" + String.format("%012x", number);
	}

	static String referral(int number) {
		return "00000000-0000-7000-8003-" + String.format("%012x", number);
	}

	static String location(int partner, int office) {
		return "00000000-0000-7000-8002-" + String.format("%012x", partner * 10 + office);
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		return options;
	}

	static void log(String format, Object... args) {
		System.out.printf("[bench] " + format + "%n", args);
	}

	@FunctionalInterface
	interface Scenario {

		Result run() throws Exception;

	}

}
