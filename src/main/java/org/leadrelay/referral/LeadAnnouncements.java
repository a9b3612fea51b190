package org.leadrelay.referral;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import org.leadrelay.platform.jobs.ClusteredJob;
import org.leadrelay.platform.jobs.ClusteredJob.Runs;
import org.leadrelay.referral.ReferralEvent.ReferralReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announces the leads the vendor sends in batches, as an import chunk is announced
 * ({@link ReferralsReceived}). Each listener of a published event costs an outbox row in
 * the sending transaction and a transaction of its own after it; per lead, that was most
 * of a create's cost. So a new lead's event waits in the database, written with the lead,
 * and shortly after the commit ({@code leadrelay.referrals.announcement-delay}) every
 * event waiting by then is published as one: under load, many leads per batch. A node
 * that stops before announcing leaves its leads to the poll of any node.
 */
@Component
class LeadAnnouncements {

	/** Leads announced in one event at most. */
	static final int BATCH = 200;

	private static final Logger log = LoggerFactory.getLogger(LeadAnnouncements.class);

	private final LeadAnnouncementRepository repository;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final TaskScheduler scheduler;

	private final Duration delay;

	/** Whether an announcement is scheduled or running on this node. */
	private final AtomicBoolean scheduled = new AtomicBoolean();

	/** Whether a lead was held since the running announcement began. */
	private final AtomicBoolean held = new AtomicBoolean();

	LeadAnnouncements(LeadAnnouncementRepository repository, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, TaskScheduler scheduler,
			@Value("${leadrelay.referrals.announcement-delay:PT0.1S}") Duration delay) {
		this.repository = repository;
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
		this.scheduler = scheduler;
		this.delay = delay;
	}

	/**
	 * Holds a new lead's event in the sending transaction, to be announced once that
	 * commits.
	 */
	void hold(ReferralReceived event) {
		this.repository.hold(event);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				schedule();
			}

		});
	}

	/** Announces what a node left unannounced (it stopped, or an announcement failed). */
	@Scheduled(fixedDelayString = "${leadrelay.referrals.announcement-poll-interval:PT1M}",
			initialDelayString = "${leadrelay.referrals.announcement-poll-interval:PT1M}")
	@ClusteredJob(value = "lead-announcement", runs = Runs.ON_EVERY_NODE)
	void announceLeftOver() {
		announceAll();
	}

	private void schedule() {
		this.held.set(true);
		if (this.scheduled.compareAndSet(false, true)) {
			// the scheduler's clock, not the application's: tests move that one
			this.scheduler.schedule(this::announceHeld, this.scheduler.getClock().instant().plus(this.delay));
		}
	}

	private void announceHeld() {
		try {
			while (this.held.getAndSet(false)) {
				announceAll();
			}
		}
		catch (RuntimeException ex) {
			log.error("New leads were not announced; the next poll announces them", ex);
		}
		finally {
			this.scheduled.set(false);
		}
		// a lead held between the last look and the flag's reset
		if (this.held.get()) {
			schedule();
		}
	}

	private void announceAll() {
		int announced;
		do {
			announced = Objects.requireNonNull(this.transactions.execute(status -> announceBatch()));
		}
		while (announced == BATCH);
	}

	private int announceBatch() {
		List<ReferralReceived> batch = this.repository.take(BATCH);
		if (!batch.isEmpty()) {
			this.events.publishEvent(new ReferralsReceived(batch));
		}
		return batch.size();
	}

}
