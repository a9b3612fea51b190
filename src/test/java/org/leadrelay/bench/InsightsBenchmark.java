package org.leadrelay.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.leadrelay.LeadRelayApplication;
import org.leadrelay.referral.FigureCriteria;
import org.leadrelay.referral.LeadFigures;
import org.leadrelay.referral.ReferralAnalytics;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.AppNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Times the insights figures of the vendor's program view for one year over the
 * benchmark's 2,000,000 referrals (not a test; {@code bench/insights.sh}). Seeds the data
 * once into {@code target/bench/postgres} (shared with {@link Benchmark}), starts
 * LeadRelay on it and prints the median and worst of repeated runs of
 * {@link ReferralAnalytics#overview} (what the page shows at once) and of
 * {@link ReferralAnalytics#slowestResponders} (the table it loads after itself), after
 * the same number of warm-up runs.
 */
public final class InsightsBenchmark {

	/** Measured runs, after as many warm-up runs ({@code -Dbench.runs=5}). */
	private static final int RUNS = Integer.getInteger("bench.runs", 5);

	private InsightsBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path workDir = Files.createDirectories(Path.of("target/bench"));
		// -Dbench.data points a copy of an older build at the same seeded data
		Path data = Path.of(System.getProperty("bench.data", workDir.resolve("postgres").toString()));
		try (BenchDatabase database = BenchDatabase.embedded(data.toAbsolutePath())) {
			// once seeded, LeadRelay's own start migrates (Flyway alone would not know
			// its Java migrations, which the start has applied)
			if (!schemaExists(database) || !database.seeded()) {
				database.migrate();
				Benchmark.log("Seeding 100,000 locations and 2,000,000 referrals (a few minutes, once)");
				long start = System.nanoTime();
				database.seed();
				Benchmark.log("Seeded in %.0f s", (System.nanoTime() - start) / 1e9);
			}
			database.jdbc().sql("vacuum analyze").update();
			ConfigurableApplicationContext app = start(database);
			try {
				measure(app);
			}
			finally {
				app.close();
			}
		}
		catch (Exception ex) {
			ex.printStackTrace();
			System.exit(1);
		}
		System.exit(0);
	}

	private static boolean schemaExists(BenchDatabase database) {
		return database.jdbc().sql("select to_regclass('organization') is not null").query(Boolean.class).single();
	}

	private static void measure(ConfigurableApplicationContext app) {
		ReferralAnalytics analytics = app.getBean(ReferralAnalytics.class);
		LocalDate today = LocalDate.now(app.getBean(Clock.class));
		FigureCriteria year = new FigureCriteria(today.minusYears(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
				today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), null, null);
		Caller vendorAdmin = new Caller(Caller.Kind.USER, "user:00000000-0000-7000-8009-000000000000", "Bench admin",
				new OrganizationId(java.util.UUID.fromString(BenchDatabase.VENDOR)), OrganizationKind.VENDOR,
				Set.of(Role.VENDOR_ADMIN));
		time("the page's figures (ReferralAnalytics.overview)", () -> analytics.overview(vendorAdmin, year));
		time("the slowest responders (loaded after the page)", () -> analytics.slowestResponders(vendorAdmin, year));
		LeadFigures figures = analytics.figures(vendorAdmin, year);
		Benchmark.log("vendor program view, one year: %s; median response time %s; slowest %s", figures.outcomes(),
				figures.medianResponseTime(), figures.slowestResponders());
	}

	private static void time(String what, Supplier<?> work) {
		List<Double> millis = new ArrayList<>();
		for (int run = 0; run < 2 * RUNS; run++) {
			long start = System.nanoTime();
			work.get();
			double elapsed = (System.nanoTime() - start) / 1e6;
			Benchmark.log("%s, run %d: %.1f ms", what, run + 1, elapsed);
			if (run >= RUNS) {
				millis.add(elapsed);
			}
		}
		Collections.sort(millis);
		Benchmark.log("%s: median %.1f ms, worst %.1f ms over %d runs after %d warm-up runs", what,
				millis.get(RUNS / 2), millis.get(RUNS - 1), RUNS, RUNS);
	}

	private static ConfigurableApplicationContext start(BenchDatabase database) {
		return new SpringApplicationBuilder(LeadRelayApplication.class).run(
				"--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.user(),
				"--server.port=0", "--leadrelay.demo.enabled=false", "--logging.level.root=WARN",
				"--leadrelay.routing.responsiveness-refresh-interval=P365D",
				"--leadrelay.referrals.expiry-poll-interval=P365D", "--leadrelay.public-url=http://localhost",
				"--leadrelay.secrets.key=" + AppNode.SECRETS_KEY);
	}

}
