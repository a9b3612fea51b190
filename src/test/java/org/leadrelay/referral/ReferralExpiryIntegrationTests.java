package org.leadrelay.referral;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.referral.ReferralEvent.ReferralExpired;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.EventRecorder;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.MutableClock;
import org.leadrelay.testing.ReferralSpecs;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The expiry sweep archives every overdue Received referral exactly once, also with
 * several sweepers at work at the same time, and picks up what a failed or blocked sweep
 * left.
 */
@IntegrationTest
class ReferralExpiryIntegrationTests {

	@Autowired
	TestProgram programs;

	@Autowired
	ReferralManagement management;

	@Autowired
	ReferralExpiry expiry;

	@Autowired
	MutableClock clock;

	@Autowired
	EventRecorder events;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ReferralProperties properties;

	@Autowired
	ReferralRepository repository;

	Program program;

	Caller vendor;

	@BeforeEach
	void setUp() {
		this.program = this.programs.create();
		this.vendor = new Caller(Caller.Kind.API_CLIENT, "client:test", "Test CRM", this.program.vendor().id(),
				OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
	}

	@Test
	void twoConcurrentSweepersExpireEachReferralExactlyOnce() throws Exception {
		List<ReferralId> due = send(230);
		this.clock.advance(this.properties.responseWindow().minusHours(1));
		List<ReferralId> notYetDue = send(5);
		this.clock.advance(Duration.ofHours(1));

		ExecutorService sweepers = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> runs = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			runs.add(sweepers.submit(() -> {
				start.await();
				return this.expiry.sweep();
			}));
		}
		start.countDown();
		int expired = 0;
		for (Future<Integer> run : runs) {
			expired += run.get();
		}
		sweepers.shutdown();

		assertThat(expired).isGreaterThanOrEqualTo(due.size());
		assertThat(runs.get(0).get()).isPositive();
		assertThat(runs.get(1).get()).isPositive();
		assertThat(substatuses(due)).containsOnly(Substatus.Expired);
		assertThat(substatuses(notYetDue)).containsOnly(Substatus.Received);
		assertThat(expiredTimelineEntries(due)).isEqualTo(due.size());
		List<ReferralExpired> published = this.events.of(ReferralExpired.class, due);
		assertThat(published).hasSize(due.size());
		assertThat(published.stream().map(ReferralExpired::referralId).distinct()).hasSize(due.size());
		assertThat(this.expiry.sweep()).isZero();
	}

	@Test
	void aSweepSkipsWhatAnotherHoldsAndALaterSweepFinishesIt() {
		List<ReferralId> due = send(3);
		this.clock.advance(this.properties.responseWindow());
		ReferralId held = due.get(0);

		// Another node is in the middle of this row (or crashed holding it): the sweep
		// goes around it.
		this.transactions.executeWithoutResult(status -> {
			this.jdbc.sql("select id from referral where id = ? for update")
				.param(held.value())
				.query(String.class)
				.list();
			runInOtherThread(() -> this.expiry.sweep());
			assertThat(substatuses(List.of(held))).containsOnly(Substatus.Received);
			assertThat(substatuses(due.subList(1, 3))).containsOnly(Substatus.Expired);
		});

		this.expiry.sweep();

		assertThat(substatuses(due)).containsOnly(Substatus.Expired);
		assertThat(expiredTimelineEntries(due)).isEqualTo(3);
	}

	@Test
	void aFailedBatchLeavesItsReferralsForTheNextSweep() {
		List<ReferralId> due = send(2);
		this.clock.advance(this.properties.responseWindow());

		// A crash inside the batch transaction rolls it back whole.
		assertThatThrownBy(() -> this.transactions.executeWithoutResult(status -> {
			this.management.expireDue(10);
			throw new IllegalStateException("node crashed");
		})).hasMessage("node crashed");
		assertThat(substatuses(due)).containsOnly(Substatus.Received);

		this.expiry.sweep();

		assertThat(substatuses(due)).containsOnly(Substatus.Expired);
		assertThat(expiredTimelineEntries(due)).isEqualTo(2);
	}

	@Test
	void aBatchHoldingAReferralChangedSinceItWasReadIsRefusedWhole() {
		List<ReferralId> due = send(3);
		this.clock.advance(this.properties.responseWindow());

		this.transactions.executeWithoutResult(status -> {
			List<Referral> batch = this.repository
				.findAll(due.stream().map(id -> this.program.budapest().organizationId()).toList(), due);
			this.jdbc.sql("update referral set version = version + 1 where id = ?").param(due.get(1).value()).update();
			batch.forEach(referral -> referral.expire(this.clock.instant()));

			assertThat(this.repository.update(batch)).isFalse();
			assertThat(expiredTimelineEntries(due)).isZero();
			status.setRollbackOnly();
		});

		this.expiry.sweep();

		assertThat(substatuses(due)).containsOnly(Substatus.Expired);
		assertThat(expiredTimelineEntries(due)).isEqualTo(3);
		assertThat(this.jdbc.sql("select action from referral_timeline where referral_id = ? order by id")
			.param(due.get(0).value())
			.query(String.class)
			.list()).last().isEqualTo("expired");
	}

	private List<ReferralId> send(int count) {
		List<ReferralId> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(this.management.send(this.vendor, ReferralSpecs.qualified(this.program.budapest()), Source.API)
				.id());
		}
		return ids;
	}

	private List<Substatus> substatuses(List<ReferralId> ids) {
		return ids.stream()
			.map(id -> this.jdbc.sql("select substatus from referral where id = ?")
				.param(id.value())
				.query(String.class)
				.single())
			.map(Substatus::valueOf)
			.toList();
	}

	private long expiredTimelineEntries(List<ReferralId> ids) {
		return ids.stream()
			.mapToLong(id -> this.jdbc
				.sql("select count(*) from referral_timeline where referral_id = ? and action = 'expired'")
				.param(id.value())
				.query(Long.class)
				.single())
			.sum();
	}

	/**
	 * Runs the action on a thread of its own (another connection) and fails as it fails.
	 */
	private static void runInOtherThread(Runnable action) {
		CompletableFuture.runAsync(action).orTimeout(30, TimeUnit.SECONDS).join();
	}

}
