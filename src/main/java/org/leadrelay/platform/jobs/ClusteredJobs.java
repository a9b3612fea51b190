package org.leadrelay.platform.jobs;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor.TaskResult;
import org.leadrelay.platform.jobs.ClusteredJob.Runs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs background jobs: takes the cluster-wide lock of a job that runs on one node at a
 * time, logs a failure (the next scheduled run is the retry) and records every run in the
 * timer {@code leadrelay.jobs.runs}, tagged {@code job} and {@code outcome}
 * ({@code completed}, {@code skipped} while another node holds the lock, {@code failed}).
 */
public class ClusteredJobs {

	static final String METRIC = "leadrelay.jobs.runs";

	private static final Logger log = LoggerFactory.getLogger(ClusteredJobs.class);

	private final LockingTaskExecutor locks;

	private final MeterRegistry meters;

	public ClusteredJobs(LockProvider locks, MeterRegistry meters) {
		this.locks = new DefaultLockingTaskExecutor(locks);
		this.meters = meters;
	}

	/**
	 * Runs the job once, as its declaration asks. Never throws, except an {@link Error}.
	 */
	public Outcome run(String name, Runs runs, Duration lockAtMostFor, Work work) {
		Timer.Sample sample = Timer.start(this.meters);
		Outcome outcome = Outcome.FAILED;
		try {
			outcome = attempt(name, runs, lockAtMostFor, work);
			return outcome;
		}
		finally {
			sample.stop(Timer.builder(METRIC)
				.description("Runs of background jobs")
				.tag("job", name)
				.tag("outcome", outcome.tag())
				.register(this.meters));
		}
	}

	private Outcome attempt(String name, Runs runs, Duration lockAtMostFor, Work work) {
		try {
			if (runs == Runs.ON_EVERY_NODE) {
				work.run();
				return Outcome.COMPLETED;
			}
			TaskResult<Void> result = this.locks.executeWithLock(() -> {
				work.run();
				return null;
			}, new LockConfiguration(ClockProvider.now(), name, lockAtMostFor, Duration.ZERO));
			return result.wasExecuted() ? Outcome.COMPLETED : Outcome.SKIPPED;
		}
		catch (Error error) {
			log.error("Job {} failed", name, error);
			throw error;
		}
		catch (Throwable ex) {
			log.error("Job {} failed; its next run tries again", name, ex);
			return Outcome.FAILED;
		}
	}

	/** What a job does in one run. */
	@FunctionalInterface
	public interface Work {

		void run() throws Throwable;

	}

	/** What became of one run. */
	public enum Outcome {

		COMPLETED, SKIPPED, FAILED;

		String tag() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
