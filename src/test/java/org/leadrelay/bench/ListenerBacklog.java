package org.leadrelay.bench;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The work a write scenario leaves behind after its requests were answered: leads waiting
 * to be announced, publications of the outbox not yet completed (completed ones are
 * deleted), and the differences the roll-ups' jobs have not folded in yet (the history of
 * similar leads, the insights' day figures, keywords, response times and responders;
 * every 30 seconds). The harness waits for it before the next measurement, which would
 * otherwise share the machine with it or read the roll-ups with their changes, and
 * reports how long it took.
 */
final class ListenerBacklog {

	private static final Duration LIMIT = Duration.ofMinutes(2);

	private final JdbcClient jdbc;

	ListenerBacklog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long size() {
		// named, so that the report's statements leave this probe out
		return this.jdbc.sql("""
				select /* bench backlog */ (select count(*) from referral_announcement)
				     + (select count(*) from event_publication where completion_date is null)
				     + (select count(*) from referral_similar_leads_change)
				     + (select count(*) from referral_day_figure_changes)
				     + (select count(*) from referral_day_keyword_changes)
				     + (select count(*) from referral_day_response_time_changes)
				     + (select count(*) from referral_responder_stale)
				""").query(Long.class).single();
	}

	/**
	 * Waits until the work is done, or gives up after two minutes.
	 * @return what was pending at first and how long it took to drain
	 */
	Drain await() throws InterruptedException {
		long start = System.nanoTime();
		long pending = size();
		long left = pending;
		while (left > 0 && System.nanoTime() - start < LIMIT.toNanos()) {
			Thread.sleep(100);
			left = size();
		}
		return new Drain(pending, left, Duration.ofNanos(System.nanoTime() - start));
	}

	record Drain(long pending, long left, Duration took) {

		@Override
		public String toString() {
			return String.format("%,d events and roll-up changes pending, %s in %.1f s", this.pending,
					this.left == 0 ? "done" : String.format("%,d still pending", this.left),
					this.took.toMillis() / 1e3);
		}

	}

}
