package org.leadrelay.platform.jobs;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.platform.jobs.ClusteredJob.Runs;
import org.leadrelay.platform.jobs.ClusteredJobs.Outcome;
import org.leadrelay.testing.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on one database, each with its own scheduler, lock provider and metrics (as
 * two LeadRelay processes have): a job that runs on one node at a time never runs on both
 * at once, while one declared for every node does.
 */
@IntegrationTest
class ClusteredJobsIntegrationTests {

	static final AtomicInteger running = new AtomicInteger();

	static final AtomicInteger mostAtOnce = new AtomicInteger();

	@Autowired
	DataSource dataSource;

	@Autowired
	LockProvider locks;

	@Test
	void aLockedJobNeverRunsOnBothNodesAtOnce() {
		try (AnnotationConfigApplicationContext nodeA = node(LockedJob.class);
				AnnotationConfigApplicationContext nodeB = node(LockedJob.class)) {
			await().atMost(Duration.ofSeconds(30))
				.until(() -> runs(nodeA, "test-locked", "completed") >= 5
						&& runs(nodeB, "test-locked", "completed") >= 5
						&& runs(nodeA, "test-locked", "skipped") + runs(nodeB, "test-locked", "skipped") >= 5);
		}
		assertThat(mostAtOnce).as("runs at once").hasValue(1);
	}

	@Test
	void aJobForEveryNodeRunsOnBothAtOnce() {
		try (AnnotationConfigApplicationContext nodeA = node(EveryNodeJob.class);
				AnnotationConfigApplicationContext nodeB = node(EveryNodeJob.class)) {
			await().atMost(Duration.ofSeconds(30)).until(() -> mostAtOnce.get() == 2);
			assertThat(runs(nodeA, "test-every-node", "skipped") + runs(nodeB, "test-every-node", "skipped")).isZero();
		}
	}

	@Test
	void aFailedRunIsCountedAndTheNextRunGoesAhead() {
		MeterRegistry meters = new SimpleMeterRegistry();
		ClusteredJobs jobs = new ClusteredJobs(this.locks, meters);

		Outcome failed = jobs.run("test-failing", Runs.ONE_NODE_AT_A_TIME, Duration.ofMinutes(1), () -> {
			throw new IllegalStateException("the database is gone");
		});
		Outcome next = jobs.run("test-failing", Runs.ONE_NODE_AT_A_TIME, Duration.ofMinutes(1), () -> {
		});

		assertThat(failed).isEqualTo(Outcome.FAILED);
		assertThat(next).as("the failed run released its lock").isEqualTo(Outcome.COMPLETED);
		assertThat(meters.get(ClusteredJobs.METRIC).tags("job", "test-failing", "outcome", "failed").timer().count())
			.isEqualTo(1);
	}

	@Test
	void theLockOfANodeThatDiedRunsOutAfterLockAtMostFor() {
		ClusteredJobs jobs = new ClusteredJobs(this.locks, new SimpleMeterRegistry());
		// taken and never released, as by a node killed in the middle of a run
		assertThat(this.locks
			.lock(new LockConfiguration(ClockProvider.now(), "test-dead-node", Duration.ofSeconds(1), Duration.ZERO)))
			.isPresent();

		assertThat(jobs.run("test-dead-node", Runs.ONE_NODE_AT_A_TIME, Duration.ofMinutes(1), () -> {
		})).isEqualTo(Outcome.SKIPPED);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jobs.run("test-dead-node", Runs.ONE_NODE_AT_A_TIME, Duration.ofMinutes(1), () -> {
			}) == Outcome.COMPLETED);
	}

	@Test
	void everyScheduledMethodIsAClusteredJob() {
		methods().that()
			.areAnnotatedWith(Scheduled.class)
			.should()
			.beAnnotatedWith(ClusteredJob.class)
			.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
				.importPackages("org.leadrelay"));
	}

	@BeforeEach
	void noRunsYet() {
		running.set(0);
		mostAtOnce.set(0);
	}

	private AnnotationConfigApplicationContext node(Class<?> job) {
		AnnotationConfigApplicationContext node = new AnnotationConfigApplicationContext();
		// not closed with the node: it is the application's
		node.registerBean(DataSource.class, () -> new DelegatingDataSource(this.dataSource));
		node.registerBean(MeterRegistry.class, SimpleMeterRegistry::new);
		node.register(ClusteredJobConfiguration.class, Scheduling.class, job);
		node.refresh();
		return node;
	}

	private static double runs(AnnotationConfigApplicationContext node, String job, String outcome) {
		Timer timer = node.getBean(MeterRegistry.class)
			.find(ClusteredJobs.METRIC)
			.tags("job", job, "outcome", outcome)
			.timer();
		return timer == null ? 0 : timer.count();
	}

	/** A run that takes a while, long enough for the other node to try meanwhile. */
	static void work() throws InterruptedException {
		mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
		try {
			Thread.sleep(20);
		}
		finally {
			running.decrementAndGet();
		}
	}

	/** Not a {@code @Configuration}: that would become the test's whole context. */
	@EnableScheduling
	static class Scheduling {

	}

	static class LockedJob {

		@Scheduled(fixedDelay = 1)
		@ClusteredJob(value = "test-locked", runs = Runs.ONE_NODE_AT_A_TIME, lockAtMostFor = "PT1M")
		void run() throws InterruptedException {
			work();
		}

	}

	static class EveryNodeJob {

		@Scheduled(fixedDelay = 1)
		@ClusteredJob(value = "test-every-node", runs = Runs.ON_EVERY_NODE)
		void run() throws InterruptedException {
			work();
		}

	}

}
