package org.leadrelay.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.leadrelay.notification.ExpiryReminderRepository.PlannedReminder;
import org.leadrelay.platform.jobs.ClusteredJob;
import org.leadrelay.platform.jobs.ClusteredJob.Runs;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralEvent.ReferralReceived;
import org.leadrelay.referral.ReferralSearch;
import org.leadrelay.referral.ReferralsReceived;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds a partner before a referral it has not answered expires
 * ({@code leadrelay.notifications.expiry-reminders}, by default 3 days and 1 day before).
 * Reminders are planned when the referral arrives; a job sends the due ones, locking them
 * with {@code FOR UPDATE SKIP LOCKED} and marking them sent in the same transaction that
 * publishes their event, so any number of nodes send each reminder once. A referral
 * answered meanwhile gets no reminder.
 */
@Component
class ExpiryReminders {

	private static final int BATCH_SIZE = 100;

	private final ExpiryReminderRepository reminders;

	private final ReferralSearch referrals;

	private final Notices notices;

	private final NoticeDelivery delivery;

	private final NotificationProperties properties;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ExpiryReminders(ExpiryReminderRepository reminders, ReferralSearch referrals, Notices notices,
			NoticeDelivery delivery, NotificationProperties properties, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock) {
		this.reminders = reminders;
		this.referrals = referrals;
		this.notices = notices;
		this.delivery = delivery;
		this.properties = properties;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Plans the reminders of a new referral, those that fall within its response window.
	 */
	@ApplicationModuleListener(id = "notification.expiry-reminder-planning")
	void plan(ReferralReceived received) {
		this.reminders.planAll(remindersOf(
				this.referrals.findOwnedBy(received.organizationId(), received.referralId()).stream().toList()));
	}

	/** Plans the reminders of new leads announced together in one insert. */
	@ApplicationModuleListener(id = "notification.expiry-reminder-planning-batch")
	void plan(ReferralsReceived batch) {
		this.reminders.planAll(remindersOf(this.referrals.findAbout(batch.received())));
	}

	private List<PlannedReminder> remindersOf(List<Referral> received) {
		List<PlannedReminder> planned = new ArrayList<>();
		for (Referral referral : received) {
			for (Duration leadTime : this.properties.expiryReminders()) {
				Instant due = referral.expiresAt().minus(leadTime);
				if (due.isAfter(referral.createdAt())) {
					planned.add(new PlannedReminder(referral.id(), referral.organizationId(), leadTime, due));
				}
			}
		}
		return planned;
	}

	@Scheduled(fixedDelayString = "${leadrelay.notifications.reminder-poll-interval:PT1M}",
			initialDelayString = "${leadrelay.notifications.reminder-poll-interval:PT1M}")
	@ClusteredJob(value = "expiry-reminders", runs = Runs.ON_EVERY_NODE)
	void scheduledRun() {
		sendDue();
	}

	/**
	 * Publishes every due reminder, batch by batch.
	 * @return how many came due
	 */
	int sendDue() {
		int total = 0;
		int sent;
		do {
			Integer batch = this.transactions.execute(status -> sendDueBatch());
			sent = batch == null ? 0 : batch;
			total += sent;
		}
		while (sent == BATCH_SIZE);
		return total;
	}

	private int sendDueBatch() {
		Instant now = this.clock.instant();
		List<ExpiryReminderDue> due = this.reminders.lockDue(now, BATCH_SIZE);
		for (ExpiryReminderDue reminder : due) {
			this.reminders.markSent(reminder, now);
			this.events.publishEvent(reminder);
		}
		return due.size();
	}

	/** Reminds the partner's people, if the referral still waits for an answer. */
	@ApplicationModuleListener(id = "notification.expiry-reminders")
	void remind(ExpiryReminderDue reminder) {
		Instant now = this.clock.instant();
		this.referrals.findOwnedBy(reminder.organizationId(), reminder.referralId())
			.filter(referral -> referral.awaitsResponse(now))
			.ifPresent(referral -> this.delivery
				.deliver(this.notices.forPartner(reminder.eventId(), NotificationKind.EXPIRY_REMINDER, referral,
						NoticeDetails.timeLeft(Duration.between(now, referral.expiresAt())))));
	}

}
