package org.leadrelay.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.HdrHistogram.Histogram;
import org.leadrelay.LeadRelayApplication;
import org.leadrelay.testing.AppNode;
import org.leadrelay.bench.LoadGenerator.Result;
import org.leadrelay.marketplace.Marketplace;
import org.leadrelay.marketplace.MarketplaceQuery;
import org.leadrelay.referral.ReferralStatistics;
import org.leadrelay.shared.CompanySize;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

import static org.awaitility.Awaitility.await;

/**
 * The marketplace search benchmark (not a test): seeds 100,000 business profiles with
 * skewed tag distributions and 400,000 referrals into its own embedded PostgreSQL
 * ({@code target/bench/marketplace-postgres}, kept between runs), starts LeadRelay on it,
 * and measures 1,000 varied searches over HTTP, as customers send them
 * ({@code GET /marketplace?q=...}, the whole page rendered): once each from one client,
 * then in a closed loop from several. Also times the responsiveness computation over the
 * referrals. Prints the figures and writes {@code target/bench/marketplace-results.md}.
 *
 * <p>
 * Run it with {@code bench/marketplace.sh}; options: {@code --connections 4},
 * {@code --seconds 30}, {@code --warmup 10}.
 */
public final class MarketplaceSearchBenchmark {

	static final int QUERIES = 1_000;

	private final BenchDatabase database;

	private final Path workDir;

	private final int connections;

	private final int seconds;

	private final int warmup;

	private final List<String> report = new ArrayList<>();

	private MarketplaceSearchBenchmark(BenchDatabase database, Path workDir, int connections, int seconds, int warmup) {
		this.database = database;
		this.workDir = workDir;
		this.connections = connections;
		this.seconds = seconds;
		this.warmup = warmup;
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		Path workDir = Files.createDirectories(Path.of("target/bench"));
		try (BenchDatabase database = BenchDatabase
			.embedded(workDir.resolve("marketplace-postgres").toAbsolutePath())) {
			new MarketplaceSearchBenchmark(database, workDir,
					Integer.parseInt(options.getOrDefault("connections", "4")),
					Integer.parseInt(options.getOrDefault("seconds", "30")),
					Integer.parseInt(options.getOrDefault("warmup", "10")))
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
		// a first start migrates the schema and, every 20 s, computes responsiveness
		ConfigurableApplicationContext app = start("PT20S");
		if (!this.database.seeded()) {
			log("Seeding 100,000 profiles and 400,000 referrals (a few minutes, once per data directory)");
			long start = System.nanoTime();
			seed();
			log("Seeded in %.0f s", (System.nanoTime() - start) / 1e9);
		}
		Instant seeded = Instant.now();
		log("Waiting for the responsiveness scores");
		await("the responsiveness scores").atMost(Duration.ofMinutes(30))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> jdbc().sql("select count(*) from partner_responsiveness where refreshed_at > ?")
				.param(java.sql.Timestamp.from(seeded))
				.query(Long.class)
				.single() > 0);
		app.close();
		// measured without the frequent refresh; an empty index is rebuilt at startup
		long startup = System.nanoTime();
		app = start("PT10M");
		log("LeadRelay started in %.0f s (including a rebuild of the marketplace index when it was empty)",
				(System.nanoTime() - startup) / 1e9);
		try {
			jdbc().sql("vacuum analyze").update();
			String baseUrl = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
			describeData();
			measureResponsiveness(app.getBean(ReferralStatistics.class));
			List<Query> queries = queries();
			String loadBefore = loadAverage();
			measureOnce(baseUrl, queries);
			measureService(app.getBean(Marketplace.class), queries);
			measureUnderLoad(baseUrl, queries);
			record("");
			record("Load average of the machine (other work included): %s before the measurements, %s after.",
					loadBefore, loadAverage());
			String text = "# Marketplace search benchmark\n\n" + Runtime.getRuntime().availableProcessors()
					+ " cores, embedded PostgreSQL 17, " + this.database.jdbcUrl() + "\n\n"
					+ String.join("\n", this.report) + "\n";
			Files.writeString(this.workDir.resolve("marketplace-results.md"), text);
			System.out.println();
			System.out.println(text);
		}
		finally {
			app.close();
		}
	}

	private ConfigurableApplicationContext start(String responsivenessInterval) {
		log("Starting LeadRelay on %s", this.database.jdbcUrl());
		return new SpringApplicationBuilder(LeadRelayApplication.class).run(
				"--spring.datasource.url=" + this.database.jdbcUrl(),
				"--spring.datasource.username=" + this.database.user(), "--server.port=0",
				"--leadrelay.demo.enabled=false", "--leadrelay.referrals.expiry-poll-interval=PT1H",
				"--leadrelay.routing.responsiveness-refresh-interval=" + responsivenessInterval,
				"--logging.level.root=WARN", "--logging.level.org.leadrelay=INFO",
				"--leadrelay.public-url=http://localhost", "--leadrelay.secrets.key=" + AppNode.SECRETS_KEY);
	}

	/** In one transaction: an interrupted seed leaves nothing behind. */
	private void seed() {
		DataSource dataSource = dataSource();
		new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(
				status -> new ResourceDatabasePopulator(new ClassPathResource("bench/marketplace-seed.sql"))
					.execute(dataSource));
	}

	private void describeData() {
		long listings = jdbc().sql("select count(*) from marketplace_listing where listed").query(Long.class).single();
		long locations = jdbc().sql("select count(*) from partner_location").query(Long.class).single();
		long terms = jdbc().sql("select count(*) from marketplace_term").query(Long.class).single();
		String tags = jdbc()
			.sql("select round(avg(cardinality(industries) + cardinality(products) + cardinality(services) "
					+ "+ cardinality(solutions)), 1)::text from business_profile")
			.query(String.class)
			.single();
		String topProduct = jdbc()
			.sql("select p || ' on ' || round(100.0 * count(*) / (select count(*) from business_profile)) || ' %' "
					+ "from business_profile, unnest(products) p group by p order by count(*) desc limit 1")
			.query(String.class)
			.single();
		record("Data: %,d listed profiles, %,d locations, %s tags per profile on average (most common product: %s), "
				+ "%,d words in the typo vocabulary.", listings, locations, tags, topProduct, terms);
	}

	/** Times the query the responsiveness job runs, over the seeded referrals. */
	private void measureResponsiveness(ReferralStatistics statistics) {
		long referrals = jdbc().sql("select count(*) from referral").query(Long.class).single();
		List<Long> millis = new ArrayList<>();
		int partners = 0;
		for (int i = 0; i < 3; i++) {
			long start = System.nanoTime();
			partners = statistics.responsesSince(Instant.now().minus(Duration.ofDays(90))).size();
			millis.add((System.nanoTime() - start) / 1_000_000);
		}
		millis.sort(null);
		record("Responsiveness: the statistics of %,d partners over %,d referrals take %d ms (median of 3; the "
				+ "job recomputes them every 10 minutes).", partners, referrals, millis.get(1));
	}

	/** Every query once from one client, after a warm-up pass: the figures of record. */
	private void measureOnce(String baseUrl, List<Query> queries) throws Exception {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		for (Query query : queries) {
			send(http, baseUrl, query);
		}
		Histogram all = new Histogram(60_000_000L, 3);
		Map<Kind, Histogram> byKind = new EnumMap<>(Kind.class);
		long found = 0;
		for (Query query : queries) {
			long start = System.nanoTime();
			HttpResponse<String> response = send(http, baseUrl, query);
			long micros = (System.nanoTime() - start) / 1_000;
			if (response.statusCode() != 200) {
				throw new IllegalStateException(query.path() + " answered " + response.statusCode());
			}
			found += response.body().contains("No partners found") ? 0 : 1;
			all.recordValue(micros);
			byKind.computeIfAbsent(query.kind(), kind -> new Histogram(60_000_000L, 3)).recordValue(micros);
		}
		record("");
		record("%d varied searches over HTTP, one at a time (%d found partners):", queries.size(), found);
		record("");
		record("| searches | count | p50 ms | p95 ms | p99 ms | max ms |");
		record("|---|---|---|---|---|---|");
		record(row("all", all));
		byKind.forEach((kind, histogram) -> record(row(kind.description, histogram)));
	}

	/**
	 * The same searches through the marketplace's service in the application's JVM: the
	 * database and result assembly without HTTP and the page.
	 */
	private void measureService(Marketplace marketplace, List<Query> queries) {
		Histogram histogram = new Histogram(60_000_000L, 3);
		for (Query query : queries) {
			long start = System.nanoTime();
			marketplace.search(query.query());
			histogram.recordValue((System.nanoTime() - start) / 1_000);
		}
		record("");
		record("The same searches through the marketplace's service, without HTTP and the page: p50 %.1f ms, "
				+ "p95 %.1f ms, p99 %.1f ms.", histogram.getValueAtPercentile(50) / 1000.0,
				histogram.getValueAtPercentile(95) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0);
	}

	private void measureUnderLoad(String baseUrl, List<Query> queries) throws InterruptedException {
		LoadGenerator load = new LoadGenerator(this.connections, Duration.ofSeconds(this.warmup),
				Duration.ofSeconds(this.seconds));
		Result result = load.run("search",
				i -> HttpRequest.newBuilder(URI.create(baseUrl + queries.get(i % queries.size()).path()))
					.timeout(Duration.ofSeconds(30))
					.GET()
					.build());
		record("");
		record("The same searches in a closed loop from %d clients for %d s (after %d s warm-up): %,.0f searches/s, "
				+ "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %d errors.", this.connections, this.seconds, this.warmup,
				result.throughput(), result.p50(), result.p95(), result.p99(), result.errors());
	}

	/**
	 * 1,000 searches as customers make them, drawn with a fixed seed from the data: tags
	 * (the common ones more often), two tags at once, typos, company names, filters by
	 * country, city, industry, product, service and size, and paging.
	 */
	private List<Query> queries() {
		List<String> products = catalogue("PRODUCT");
		List<String> industries = catalogue("INDUSTRY");
		List<String> services = catalogue("SERVICE");
		List<String> skills = jdbc()
			.sql("select s from business_profile, unnest(solutions) s group by s order by count(*) desc")
			.query(String.class)
			.list();
		List<String> nameWords = jdbc()
			.sql("select split_part(name, ' ', 1) || ' ' || split_part(name, ' ', 2) from organization "
					+ "where kind = 'PARTNER' group by 1 order by count(*) desc limit 200")
			.query(String.class)
			.list();
		List<String[]> places = jdbc().sql("select country, city from partner_location group by 1, 2 order by 1, 2")
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		String[] sizes = { "1to9employees", "10to50employees", "51to250employees", "251to1000employees",
				"1001to5000employees" };
		Random random = new Random(42);
		List<Query> queries = new ArrayList<>();
		for (int i = 0; i < QUERIES; i++) {
			String[] place = places.get(random.nextInt(places.size()));
			int pick = random.nextInt(100);
			Map<String, String> params = new LinkedHashMap<>();
			Kind kind;
			if (pick < 25) {
				kind = Kind.ONE_TAG;
				params.put("q", shortName(skewed(random, random.nextBoolean() ? skills : products)));
			}
			else if (pick < 40) {
				kind = Kind.TWO_TAGS;
				params.put("q", shortName(skewed(random, products)) + " " + skewed(random, industries));
			}
			else if (pick < 50) {
				kind = Kind.TYPO;
				params.put("q", typo(random, shortName(skewed(random, random.nextBoolean() ? skills : industries))));
			}
			else if (pick < 65) {
				kind = Kind.TAG_AND_COUNTRY;
				params.put("q", shortName(skewed(random, random.nextBoolean() ? skills : services)));
				params.put("country", place[0]);
			}
			else if (pick < 75) {
				kind = Kind.FILTERS;
				params.put("country", place[0]);
				params.put(random.nextBoolean() ? "industry" : "product",
						random.nextBoolean() ? skewed(random, industries) : skewed(random, products));
				params.put("size", sizes[random.nextInt(sizes.length)]);
			}
			else if (pick < 85) {
				kind = Kind.NAME;
				params.put("q", nameWords.get(random.nextInt(nameWords.size())));
			}
			else if (pick < 90) {
				kind = Kind.TAG_AND_CITY;
				params.put("q", shortName(skewed(random, products)));
				params.put("country", place[0]);
				params.put("city", place[1]);
			}
			else if (pick < 95) {
				kind = Kind.BROWSE;
				params.put("page", String.valueOf(1 + random.nextInt(5)));
			}
			else {
				kind = Kind.TAG_SERVICE_SIZE;
				params.put("q", skewed(random, industries));
				params.put("service", skewed(random, services));
				params.put("size", sizes[random.nextInt(sizes.length)]);
			}
			queries.add(new Query(kind, params));
		}
		return queries;
	}

	private List<String> catalogue(String kind) {
		return jdbc().sql("select name from catalogue_entry where kind = ? order by name")
			.param(kind)
			.query(String.class)
			.list();
	}

	/** The front of a list more often than its end, as tags are used. */
	private static String skewed(Random random, List<String> values) {
		return values.get((int) (values.size() * Math.pow(random.nextDouble(), 2)));
	}

	/**
	 * What a customer would type for a product: "Northwind Field Service" as "field
	 * service".
	 */
	private static String shortName(String tag) {
		return tag.replaceFirst("^Northwind ", "").toLowerCase();
	}

	/** Swaps two letters or drops one, in the longest word. */
	private static String typo(Random random, String text) {
		String[] words = text.split(" ");
		int longest = 0;
		for (int i = 1; i < words.length; i++) {
			longest = words[i].length() > words[longest].length() ? i : longest;
		}
		String word = words[longest];
		if (word.length() >= 5) {
			int at = 1 + random.nextInt(word.length() - 3);
			word = random.nextBoolean()
					? word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2)
					: word.substring(0, at) + word.substring(at + 1);
		}
		words[longest] = word;
		return String.join(" ", words);
	}

	private static HttpResponse<String> send(HttpClient http, String baseUrl, Query query)
			throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(baseUrl + query.path())).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** The machine's 1, 5 and 15 minute load averages, as Linux reports them. */
	private static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " / " + fields[1] + " / " + fields[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private JdbcClient jdbc() {
		return this.database.jdbc();
	}

	private DataSource dataSource() {
		PGSimpleDataSource source = new PGSimpleDataSource();
		source.setUrl(this.database.jdbcUrl());
		source.setUser(this.database.user());
		return source;
	}

	private static String row(String name, Histogram histogram) {
		return String.format("| %s | %d | %.1f | %.1f | %.1f | %.1f |", name, histogram.getTotalCount(),
				histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(95) / 1000.0,
				histogram.getValueAtPercentile(99) / 1000.0, histogram.getMaxValue() / 1000.0);
	}

	private void record(String format, Object... args) {
		String line = String.format(format, args);
		this.report.add(line);
		log("%s", line);
	}

	private static void log(String format, Object... args) {
		System.out.printf("[bench] " + format + "%n", args);
	}

	/** A search as its page's address carries it. */
	private record Query(Kind kind, Map<String, String> params) {

		String path() {
			return "/marketplace?" + this.params.entrySet()
				.stream()
				.map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
		}

		MarketplaceQuery query() {
			String size = this.params.get("size");
			String page = this.params.get("page");
			return new MarketplaceQuery(this.params.get("q"), this.params.get("industry"), this.params.get("product"),
					this.params.get("service"), size == null ? null : CompanySize.fromCode(size).orElseThrow(),
					this.params.get("country"), this.params.get("city"), page == null ? 1 : Integer.parseInt(page));
		}

	}

	private enum Kind {

		ONE_TAG("one tag or skill"), TWO_TAGS("product and industry"), TYPO("a tag with a typo"),
		TAG_AND_COUNTRY("a skill or service in a country"),
		FILTERS("filters only (country, industry or product, size)"), NAME("a company name"),
		TAG_AND_CITY("a product in a city"), BROWSE("browsing pages 1-5"),
		TAG_SERVICE_SIZE("an industry with service and size filters");

		private final String description;

		Kind(String description) {
			this.description = description;
		}

	}

}
