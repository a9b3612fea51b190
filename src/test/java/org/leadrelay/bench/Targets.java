package org.leadrelay.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.leadrelay.bench.LoadGenerator.Result;

/**
 * The targets of issue 16, each judged PASS or MISS against what this run measured. A
 * target whose scenario did not run (see {@code --only}) is left out.
 */
final class Targets {

	private final Map<String, Result> measured = new LinkedHashMap<>();

	void put(String key, Result result) {
		this.measured.put(key, result);
	}

	@Nullable Result get(String key) {
		return this.measured.get(key);
	}

	/** The table: scenario, target, measured, verdict. */
	String markdown() {
		List<Verdict> verdicts = verdicts();
		StringBuilder table = new StringBuilder("| scenario | target | measured | verdict |\n|---|---|---|---|\n");
		for (Verdict verdict : verdicts) {
			table.append("| ")
				.append(verdict.scenario())
				.append(" | ")
				.append(verdict.target())
				.append(" | ")
				.append(verdict.measured())
				.append(" | ")
				.append(verdict.pass() ? "PASS" : "**MISS**")
				.append(" |\n");
		}
		return table.toString();
	}

	private List<Verdict> verdicts() {
		List<Verdict> verdicts = new ArrayList<>();
		Result get = get("get");
		Result file = get("static");
		if (get != null && file != null) {
			double ratio = get.throughput() / file.throughput();
			verdicts.add(new Verdict("GET referral by id", "≥ 0.60 × static file /s; p99 ≤ 50 ms",
					String.format("%,.0f/s vs %,.0f/s = %.2f; p99 %.1f ms", get.throughput(), file.throughput(), ratio,
							get.p99()),
					ratio >= 0.60 && get.p99() <= 50));
		}
		Result tpcb = get("tpcb");
		for (String write : List.of("create", "accept")) {
			Result result = get(write);
			if (result != null && tpcb != null) {
				double ratio = result.throughput() / tpcb.throughput();
				verdicts
					.add(new Verdict(write.equals("create") ? "create (vendor client)" : "accept (PATCH)",
							"≥ 0.30 × pgbench TPC-B-like; p99 ≤ 100 ms",
							String.format("%,.0f/s vs %,.0f/s = %.2f; p99 %.1f ms", result.throughput(),
									tpcb.throughput(), ratio, result.p99()),
							ratio >= 0.30 && result.p99() <= 100 && result.errors() == 0));
			}
		}
		Result list8 = get("list@8");
		if (list8 != null) {
			Result list32 = get("list@32");
			verdicts
				.add(new Verdict("list page, biggest partner, top 50", "p95 ≤ 15 ms at 8 connections",
						String.format("p95 %.1f ms at 8%s", list8.p95(),
								list32 == null ? "" : String.format(" (%.1f ms at 32)", list32.p95())),
						list8.p95() <= 15));
		}
		Result sweep = get("sweep");
		if (sweep != null) {
			verdicts.add(new Verdict("expiry sweep, " + String.format("%,d", Benchmark.SWEEP_SIZE) + " due",
					"≥ 5,000 referrals/s with listeners' work", String.format("%,.0f/s", sweep.throughput()),
					sweep.throughput() >= 5_000));
		}
		Result insights = get("insights");
		Result slowest = get("insights-slowest");
		if (insights != null && slowest != null) {
			// the view is complete when the slowest responders, loaded after the page,
			// are
			// there too; a table that no request answered within the window counts as a
			// miss
			double complete = insights.p95() + slowest.p95();
			verdicts.add(new Verdict("insights, vendor program, one year", "≤ 300 ms (page + slowest responders)",
					String.format("page p50 %.0f ms, p95 %.0f ms; slowest responders p50 %.0f ms, p95 %.0f ms%s",
							insights.p50(), insights.p95(), slowest.p50(), slowest.p95(),
							slowest.throughput() == 0 ? " (none answered within the window)" : ""),
					complete <= 300 && slowest.throughput() > 0 && insights.errors() == 0 && slowest.errors() == 0));
		}
		Result recommendations = get("recommendations");
		if (recommendations != null) {
			verdicts.add(new Verdict("recommendations, 100,000 locations", "p95 ≤ 50 ms",
					String.format("p95 %.1f ms at 8 connections", recommendations.p95()),
					recommendations.p95() <= 50 && recommendations.errors() == 0));
		}
		Result upload = get("import-upload");
		Result imported = get("import");
		if (upload != null && imported != null) {
			verdicts.add(new Verdict("CSV import, " + String.format("%,d", ImportScenario.ROWS) + " rows",
					"≥ 1,000 rows/s end to end; upload answered < 1 s",
					String.format("%,.0f rows/s; upload %.2f s", imported.throughput(), upload.p50() / 1000),
					imported.throughput() >= 1_000 && upload.p50() < 1000 && imported.errors() == 0));
		}
		return verdicts;
	}

	record Verdict(String scenario, String target, String measured, boolean pass) {
	}

}
