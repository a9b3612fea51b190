package org.leadrelay.bench;

import org.jspecify.annotations.Nullable;
import org.leadrelay.bench.LoadGenerator.Result;

/** A measured scenario, with the same SQL in pgbench when there is one. */
record Row(String scenario, Result app, @Nullable Result baseline, @Nullable Reference reference, int clients) {

	String markdown() {
		return "| " + this.scenario + " | " + this.clients + " | " + number(this.app.throughput()) + " | "
				+ ms(this.app.p50()) + " | " + ms(this.app.p95()) + " | " + ms(this.app.p99()) + " | "
				+ this.app.errors() + " | "
				+ (this.baseline == null ? " | | | | | "
						: number(this.baseline.throughput()) + " | " + ms(this.baseline.p50()) + " | "
								+ ms(this.baseline.p95()) + " | " + ms(this.baseline.p99()) + " | "
								+ percent(this.app.throughput() / this.baseline.throughput()) + " | ")
				+ (this.reference == null ? ""
						: "pgbench " + this.reference.name() + ": " + number(this.reference.result().throughput())
								+ "/s")
				+ " | "
				+ (this.reference == null ? "" : percent(this.app.throughput() / this.reference.result().throughput()))
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

	/**
	 * A result of this run the scenario is also compared with, such as pgbench's
	 * TPC-B-like.
	 */
	record Reference(String name, Result result) {
	}

}
