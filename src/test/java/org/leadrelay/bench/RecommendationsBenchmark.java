package org.leadrelay.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.leadrelay.LeadRelayApplication;
import org.leadrelay.routing.RecommendationQuery;
import org.leadrelay.routing.Recommendations;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.CompanySize;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.AppNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Times recommendations for the benchmark's vendor, whose program has 100,000 partner
 * locations and 2,000,000 referrals (not a test; {@code bench/insights.sh
 * recommendations}, on the data {@link InsightsBenchmark} seeds). Prints the median and
 * 95th percentile of {@code -Dbench.runs} (10) calls per query after as many warm-up
 * calls.
 */
public final class RecommendationsBenchmark {

	private static final int RUNS = Integer.getInteger("bench.runs", 10);

	private RecommendationsBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path data = Path.of(System.getProperty("bench.data", "target/bench/postgres"));
		try (BenchDatabase database = BenchDatabase.embedded(data.toAbsolutePath())) {
			ConfigurableApplicationContext app = new SpringApplicationBuilder(LeadRelayApplication.class).run(
					"--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.user(),
					"--server.port=0", "--leadrelay.demo.enabled=false", "--logging.level.root=WARN",
					"--leadrelay.referrals.expiry-poll-interval=P365D", "--leadrelay.public-url=http://localhost",
					"--leadrelay.secrets.key=" + AppNode.SECRETS_KEY);
			try {
				measure(app.getBean(Recommendations.class));
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

	private static void measure(Recommendations recommendations) {
		Caller vendor = new Caller(Caller.Kind.API_CLIENT, "client:bench-vendor", "Bench Vendor CRM",
				new OrganizationId(UUID.fromString(BenchDatabase.VENDOR)), OrganizationKind.VENDOR,
				Set.of(Role.VENDOR_ADMIN));
		List<RecommendationQuery> queries = List.of(
				new RecommendationQuery(List.of("Retail"), List.of("Northwind ERP"), List.of(), "HU",
						CompanySize.EMPLOYEES_51_TO_250),
				new RecommendationQuery(List.of(), List.of(), List.of(), "US", null),
				new RecommendationQuery(List.of("Healthcare"), List.of(), List.of("Implementation"), null, null));
		for (RecommendationQuery query : queries) {
			List<Double> millis = new ArrayList<>();
			for (int run = 0; run < 2 * RUNS; run++) {
				long start = System.nanoTime();
				recommendations.recommend(vendor, query);
				if (run >= RUNS) {
					millis.add((System.nanoTime() - start) / 1e6);
				}
			}
			Collections.sort(millis);
			Benchmark.log("recommendations %s: p50 %.1f ms, p95 %.1f ms over %d calls", query.tags(),
					millis.get(RUNS / 2), millis.get((int) Math.ceil(RUNS * 0.95) - 1), RUNS);
		}
	}

}
