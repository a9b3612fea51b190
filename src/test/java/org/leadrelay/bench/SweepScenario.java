package org.leadrelay.bench;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;

import org.leadrelay.bench.LoadGenerator.Result;

import static org.awaitility.Awaitility.await;

/**
 * The expiry sweep with {@value Benchmark#SWEEP_SIZE} referrals due at once, timed until
 * every one is Expired, beside the same work done by set-based SQL.
 */
final class SweepScenario {

	private final BenchDatabase database;

	private final CpuMeter node;

	SweepScenario(BenchDatabase database, long nodePid) {
		this.database = database;
		this.node = new CpuMeter(nodePid);
	}

	/**
	 * Makes {@value Benchmark#SWEEP_SIZE} Received referrals due at once and times the
	 * sweep until all are Expired and every listener of their events has done its work
	 * (mails composed, in-app notices written, webhook deliveries queued). The window (a
	 * JFR recording under {@code --profile sweep}) spans the same period.
	 */
	Result run(LoadGenerator.Window window) {
		var jdbc = this.database.jdbc();
		long eventsBefore = jdbc.sql("select count(*) from event_publication").query(Long.class).single();
		Benchmark.log("Expiry sweep: making %,d referrals due", Benchmark.SWEEP_SIZE);
		Timestamp madeDue = jdbc.sql("select now()").query(Timestamp.class).single();
		long inquiries = jdbc
			.sql("update referral set expires_at = now() - interval '1 minute' where id in (select id from referral "
					+ "where substatus = 'Received' and organization_id not in (?::uuid, ?::uuid, ?::uuid) limit ?) "
					+ "returning qualification")
			.params(Benchmark.PARTNER_1, Benchmark.PARTNER_2, Benchmark.PARTNER_3, Benchmark.SWEEP_SIZE)
			.query(String.class)
			.list()
			.stream()
			.filter("Direct"::equals)
			.count();
		StatementCosts costs = new StatementCosts(jdbc);
		costs.reset();
		this.node.opened();
		window.opened();
		long start = System.nanoTime();
		// index probes, not counts: counting the due referrals every 200 ms took a
		// core of its own and slowed the sweep it measures; and once a second, as even
		// a probe walks the index past every referral expired since the last vacuum
		// (26 ms each, 5 % of PostgreSQL's time in the sweep of 3 December, 02:52)
		await("the sweep").atMost(Duration.ofHours(1))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> !jdbc
				.sql("select exists (select 1 from referral where substatus = 'Received' and expires_at <= now())")
				.query(Boolean.class)
				.single());
		double expired = (System.nanoTime() - start) / 1e9;
		long events = jdbc.sql("select count(*) from event_publication").query(Long.class).single() - eventsBefore;
		await("the sweep's listeners").atMost(Duration.ofHours(1))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> !jdbc.sql("select exists (select 1 from event_publication where completion_date is null)")
				.query(Boolean.class)
				.single());
		double elapsed = (System.nanoTime() - start) / 1e9;
		this.node.closed();
		window.closed();
		Benchmark.log("Expired %,d in %.1f s, their listeners done after %.1f s; %,d event publications written",
				Benchmark.SWEEP_SIZE, expired, elapsed, events);
		// that the listeners did all their work: a mail to each inquiry's customer
		Benchmark.log("%,d of them inquiries; %,d mails to customers about expired inquiries, %,d mails in all",
				inquiries,
				jdbc.sql("select count(*) from sent_mail where sent_at >= ? and kind = 'REFERRAL_EXPIRED' "
						+ "and recipient like '%@customer.example'")
					.param(madeDue)
					.query(Long.class)
					.single(),
				jdbc.sql("select count(*) from sent_mail where sent_at >= ?")
					.param(madeDue)
					.query(Long.class)
					.single());
		Benchmark.log("Per referral swept: LeadRelay's CPU %,.0f µs; PostgreSQL's statements %,.0f µs, the costliest:",
				this.node.reading().microsPer(Benchmark.SWEEP_SIZE), costs.total(Benchmark.SWEEP_SIZE));
		costs.top(15, Benchmark.SWEEP_SIZE, "referral").forEach(line -> Benchmark.log("%s", line));
		return new Result(Benchmark.SWEEP_SIZE / elapsed, Double.NaN, Double.NaN, Double.NaN, 0);
	}

	/**
	 * The same work as one set-based SQL statement per batch of 500, with the application
	 * stopped.
	 */
	Result baseline(PgBench pgbench) throws IOException, InterruptedException {
		var jdbc = this.database.jdbc();
		int due = jdbc
			.sql("update referral set expires_at = now() - interval '1 minute' where organization_id = ?::uuid "
					+ "and substatus = 'Received'")
			.param(Benchmark.PARTNER_1)
			.update();
		// as many batches as it takes to expire them all, and no more: an empty batch
		// would count as a fast one
		int batches = (due + 499) / 500;
		Result run = pgbench.scriptTimes("expire", Benchmark.resource("expire.sql"), 1, batches);
		Benchmark.log("Baseline sweep: %,d due, %,d batches at %.0f batches/s", due, batches, run.throughput());
		return new Result(due / (batches / run.throughput()), Double.NaN, Double.NaN, Double.NaN, 0);
	}

}
