package org.leadrelay.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.leadrelay.LeadRelayApplication;
import org.leadrelay.testing.AppNode;
import org.leadrelay.bench.LoadGenerator.Result;
import org.leadrelay.identity.ApiClients;
import org.leadrelay.shared.OrganizationId;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

import static org.awaitility.Awaitility.await;

/**
 * The performance harness (not a test): seeds 100,000 partner locations and 2,000,000
 * referrals, starts LeadRelay on them and measures each endpoint over HTTP beside a
 * pgbench baseline of the SQL the endpoint needs, with the same number of clients, on the
 * same database, in the same run. Prints a table and writes it to
 * {@code target/bench/results.md}.
 *
 * <p>
 * Run it with {@code bench/run.sh} (see the README); options: {@code --connections 32},
 * {@code --seconds 30}, {@code --warmup 10}.
 */
public final class Benchmark {

	static final String PARTNER_1 = partner(1);

	static final String PARTNER_2 = partner(2);

	static final String PARTNER_3 = partner(3);

	static final int SWEEP_SIZE = 200_000;

	private final BenchDatabase database;

	private final int connections;

	private final int seconds;

	private final int warmup;

	private final Path workDir;

	private final List<Row> rows = new ArrayList<>();

	/** The scenarios to run ({@code --only get,list}); all by default. */
	private final Set<String> only;

	static final List<String> SCENARIOS = List.of("get", "list", "create", "accept", "sweep");

	private Benchmark(BenchDatabase database, int connections, int seconds, int warmup, Path workDir,
			Set<String> only) {
		this.only = only;
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
					Integer.parseInt(options.getOrDefault("warmup", "10")), workDir,
					Set.of(options.getOrDefault("only", String.join(",", SCENARIOS)).split(",")))
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
		ConfigurableApplicationContext app = start();
		try {
			String baseUrl = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
			Tokens tokens = new Tokens(app.getBean(ApiClients.class), baseUrl);
			PgBench pgbench = new PgBench(this.database, this.workDir);
			log("pgbench TPC-B-like tables (scale 10)");
			pgbench.initialize(10);
			measureEndpoints(baseUrl + "/v1.0/engagements/referrals", tokens, pgbench);
			if (this.only.contains("sweep")) {
				Result sweep = sweep();
				app.close();
				record(new Row("expiry sweep, " + SWEEP_SIZE + " due at once (referrals/s)", sweep,
						sweepBaseline(pgbench), null, 1));
			}
			report();
		}
		finally {
			if (app.isActive()) {
				app.close();
			}
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
		log("Resetting the seeded open referrals");
		this.database.reset();
		this.database.jdbc().sql("vacuum analyze").update();
		explain();
	}

	private void measureEndpoints(String referrals, Tokens tokens, PgBench pgbench) throws Exception {
		LoadGenerator load = new LoadGenerator(this.connections, Duration.ofSeconds(this.warmup),
				Duration.ofSeconds(this.seconds));
		String partner1 = tokens.issue(PARTNER_1);
		if (this.only.contains("get")) {
			measure("get referral by id (biggest partner)", "get",
					Map.of("org", PARTNER_1, "principal", "client:bench"), "select-only",
					() -> load.run("get", i -> LoadGenerator
						.request(referrals + "/" + referral(ThreadLocalRandom.current().nextInt(1, 200_001)), partner1)
						.GET()
						.build()),
					pgbench);
		}
		if (this.only.contains("list")) {
			String list = referrals + "?%24filter=status%20eq%20%27New%27&%24orderby=expirationDateTime&%24top=50";
			measure("list page, biggest partner, status eq 'New' by expiry", "list",
					Map.of("org", PARTNER_1, "principal", "client:bench"), null,
					() -> load.run("list", i -> LoadGenerator.request(list, partner1).GET().build()), pgbench);
		}
		if (this.only.contains("create")) {
			String vendor = tokens.issue(BenchDatabase.VENDOR);
			String body = resource("create.json");
			measure("create referral (vendor client)", "create", Map.of(), "tpcb-like",
					() -> load.run("create",
							i -> LoadGenerator.request(referrals, vendor)
								.header("Content-Type", "application/json")
								.POST(HttpRequest.BodyPublishers.ofString(body.replace("LOCATION",
										location(ThreadLocalRandom.current().nextInt(4, 20_001),
												ThreadLocalRandom.current().nextInt(1, 6)))))
								.build()),
					pgbench);
		}
		if (this.only.contains("accept")) {
			String partner2 = tokens.issue(PARTNER_2);
			String accept = resource("accept.json");
			List<String> received = receivedOfPartner2();
			measure("accept via PATCH", "accept", Map.of("org", PARTNER_3), null,
					() -> load.run("accept",
							i -> LoadGenerator.request(referrals + "/" + received.get(i % received.size()), partner2)
								.header("Content-Type", "application/json")
								.method("PATCH", HttpRequest.BodyPublishers.ofString(accept))
								.build()),
					pgbench);
		}
	}

	private ConfigurableApplicationContext start() {
		log("Starting LeadRelay on %s", this.database.jdbcUrl());
		List<String> properties = new ArrayList<>(List.of("spring.datasource.url=" + this.database.jdbcUrl(),
				"spring.datasource.username=" + this.database.user(), "server.port=0", "leadrelay.demo.enabled=false",
				"leadrelay.api.rate-limit.requests-per-second=0", "leadrelay.referrals.expiry-poll-interval=PT1S",
				"logging.level.root=WARN", "logging.level.org.leadrelay=INFO",
				// the periodic responsiveness recomputation (every 10 minutes) is
				// measured by
				// the marketplace benchmark, not here
				"leadrelay.routing.responsiveness-refresh-interval=P365D", "leadrelay.public-url=http://localhost",
				"leadrelay.secrets.key=" + AppNode.SECRETS_KEY));
		if (this.database.password() != null) {
			properties.add("spring.datasource.password=" + this.database.password());
		}
		// as command-line arguments, so that they win over application.properties
		return new SpringApplicationBuilder(LeadRelayApplication.class)
			.run(properties.stream().map(property -> "--" + property).toArray(String[]::new));
	}

	private void measure(String scenario, String script, Map<String, String> variables, String builtin,
			Scenario endpoint, PgBench pgbench) throws Exception {
		log("%s: %d connections, %d s warm-up, %d s measured", scenario, this.connections, this.warmup, this.seconds);
		Result result = endpoint.run();
		String sql = resource(script + ".sql");
		Result baseline = pgbench.script(script, sql, variables, this.connections, this.seconds);
		// pgbench's built-in workloads run on its own tables, in database "pgbench"
		Result reference = builtin == null ? null : pgbench.builtin(builtin, this.connections, this.seconds, "pgbench");
		record(new Row(scenario, result, baseline, reference == null ? null : new Reference(builtin, reference),
				this.connections));
	}

	private void record(Row row) {
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

	private static String resource(String name) throws IOException {
		return new String(new ClassPathResource("bench/" + name).getInputStream().readAllBytes(),
				StandardCharsets.UTF_8);
	}

	/**
	 * Makes 200,000 Received referrals due at once and times the sweep until all are
	 * Expired.
	 */
	private Result sweep() {
		var jdbc = this.database.jdbc();
		long eventsBefore = jdbc.sql("select count(*) from event_publication").query(Long.class).single();
		log("Expiry sweep: making %,d referrals due", SWEEP_SIZE);
		jdbc.sql("update referral set expires_at = now() - interval '1 minute' where id in (select id from referral "
				+ "where substatus = 'Received' and organization_id not in (?::uuid, ?::uuid, ?::uuid) limit ?)")
			.params(PARTNER_1, PARTNER_2, PARTNER_3, SWEEP_SIZE)
			.update();
		long start = System.nanoTime();
		// an index probe, not a count: counting the due referrals every 200 ms took a
		// core of its own and slowed the sweep it measures
		await("the sweep").atMost(Duration.ofHours(1))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> !jdbc
				.sql("select exists (select 1 from referral where substatus = 'Received' and expires_at <= now())")
				.query(Boolean.class)
				.single());
		double elapsed = (System.nanoTime() - start) / 1e9;
		long events = jdbc.sql("select count(*) from event_publication").query(Long.class).single() - eventsBefore;
		log("Expired %,d in %.1f s; %,d event publications written", SWEEP_SIZE, elapsed, events);
		return new Result(SWEEP_SIZE / elapsed, Double.NaN, Double.NaN, Double.NaN, 0);
	}

	/**
	 * The same work as one set-based SQL statement per batch of 500, with the application
	 * stopped.
	 */
	private Result sweepBaseline(PgBench pgbench) throws IOException, InterruptedException {
		var jdbc = this.database.jdbc();
		int due = jdbc
			.sql("update referral set expires_at = now() - interval '1 minute' where organization_id = ?::uuid "
					+ "and substatus = 'Received'")
			.param(PARTNER_1)
			.update();
		// as many batches as it takes to expire them all, and no more: an empty batch
		// would
		// count as a fast one
		int batches = (due + 499) / 500;
		Result run = pgbench.scriptTimes("expire", resource("expire.sql"), 1, batches);
		log("Baseline sweep: %,d due, %,d batches at %.0f batches/s", due, batches, run.throughput());
		return new Result(due / (batches / run.throughput()), Double.NaN, Double.NaN, Double.NaN, 0);
	}

	private List<String> receivedOfPartner2() {
		return this.database.jdbc()
			.sql("select id::text from referral where organization_id = ?::uuid and substatus = 'Received' order by id")
			.param(PARTNER_2)
			.query(String.class)
			.list();
	}

	private void report() throws IOException {
		StringBuilder table = new StringBuilder();
		table.append(
				"| scenario | clients | LeadRelay /s | p50 ms | p95 ms | p99 ms | errors | pgbench (same SQL) /s | p50 ms | p95 ms | p99 ms | LeadRelay / SQL | reference | LeadRelay / reference |\n");
		table.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
		for (Row row : this.rows) {
			table.append(row.markdown()).append('\n');
		}
		String report = "# LeadRelay benchmark\n\n" + this.database.jdbcUrl() + ", "
				+ Runtime.getRuntime().availableProcessors() + " cores, " + this.seconds + " s per measurement after "
				+ this.warmup + " s warm-up.\n\n" + table;
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
		Map<String, String> options = new java.util.HashMap<>();
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

	/** A pgbench built-in workload the scenario is also compared with. */
	record Reference(String name, Result result) {
	}

	record Row(String scenario, Result app, Result baseline, Reference reference, int clients) {

		String markdown() {
			return "| " + this.scenario + " | " + this.clients + " | " + number(this.app.throughput()) + " | "
					+ ms(this.app.p50()) + " | " + ms(this.app.p95()) + " | " + ms(this.app.p99()) + " | "
					+ this.app.errors() + " | " + number(this.baseline.throughput()) + " | " + ms(this.baseline.p50())
					+ " | " + ms(this.baseline.p95()) + " | " + ms(this.baseline.p99()) + " | "
					+ percent(this.app.throughput() / this.baseline.throughput()) + " | "
					+ (this.reference == null ? ""
							: "pgbench " + this.reference.name() + ": " + number(this.reference.result().throughput())
									+ "/s")
					+ " | " + (this.reference == null ? ""
							: percent(this.app.throughput() / this.reference.result().throughput()))
					+ " |";
		}

		private static String number(double value) {
			return String.format("%,.0f", value);
		}

		private static String ms(double value) {
			return Double.isNaN(value) ? "" : String.format("%.1f", value);
		}

		private static String percent(double value) {
			return String.format("%.0f%%", value * 100);
		}

	}

	/** Registers an API client per organization and gets its token over HTTP. */
	private static final class Tokens {

		private final ApiClients clients;

		private final String baseUrl;

		private final HttpClient http = HttpClient.newHttpClient();

		Tokens(ApiClients clients, String baseUrl) {
			this.clients = clients;
			this.baseUrl = baseUrl;
		}

		String issue(String organization) throws IOException, InterruptedException {
			var client = this.clients.register(OrganizationId.of(organization), "Bench client");
			String basic = Base64.getEncoder()
				.encodeToString((client.clientId() + ":" + client.secret()).getBytes(StandardCharsets.UTF_8));
			HttpResponse<String> response = this.http
				.send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/oauth2/token"))
					.header("Authorization", "Basic " + basic)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
					.build(), HttpResponse.BodyHandlers.ofString());
			return JsonMapper.builder().build().readTree(response.body()).get("access_token").asString();
		}

	}

}
