package org.leadrelay.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.leadrelay.platform.jobs.ClusteredJob;
import org.leadrelay.platform.jobs.ClusteredJob.Runs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily digest of new leads: while a user is on it, their new-lead mails are held
 * here, and a job sends each user one mail listing them once it is past 08:00 in the
 * user's time zone (UTC when unset) and they got no digest yet that local day. The day is
 * claimed, the leads marked and the mail recorded and sent in one transaction, so a crash
 * or a second node never sends a digest twice.
 */
@Component
class LeadDigests {

	private static final Logger log = LoggerFactory.getLogger(LeadDigests.class);

	static final LocalTime SEND_FROM = LocalTime.of(8, 0);

	private final LeadDigestRepository digests;

	private final MailComposer composer;

	private final SentMails sentMails;

	private final Mailer mailer;

	private final TransactionTemplate transactions;

	private final Clock clock;

	LeadDigests(LeadDigestRepository digests, MailComposer composer, SentMails sentMails, Mailer mailer,
			TransactionTemplate transactions, Clock clock) {
		this.digests = digests;
		this.composer = composer;
		this.sentMails = sentMails;
		this.mailer = mailer;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Holds a new lead for the user's next digest; call it in the delivering transaction.
	 */
	void hold(Notice notice, NoticeArguments arguments, Recipient recipient) {
		this.digests.hold(notice.eventId(),
				new LeadDigestItem(recipient, notice.referral().id(), notice.referral().vendorOrganizationId().value(),
						arguments.customer(), arguments.location(), notice.referral().qualification().name()),
				this.clock.instant());
	}

	@Scheduled(fixedDelayString = "${leadrelay.notifications.digest-poll-interval:PT5M}",
			initialDelayString = "${leadrelay.notifications.digest-poll-interval:PT5M}")
	@ClusteredJob(value = "lead-digests", runs = Runs.ONE_NODE_AT_A_TIME)
	void scheduledRun() {
		sendDue();
	}

	/**
	 * Sends the digests that are due now.
	 * @return how many were sent
	 */
	int sendDue() {
		Instant now = this.clock.instant();
		int sent = 0;
		for (Map.Entry<UUID, ZoneId> user : this.digests.usersWaiting().entrySet()) {
			ZonedDateTime local = now.atZone(user.getValue());
			if (!local.toLocalTime().isBefore(SEND_FROM) && sendSafely(user.getKey(), local.toLocalDate(), now)) {
				sent++;
			}
		}
		return sent;
	}

	/** A digest that could not be sent is rolled back whole and tried again next run. */
	private boolean sendSafely(UUID userId, LocalDate day, Instant now) {
		try {
			return Boolean.TRUE.equals(this.transactions.execute(status -> send(userId, day, now, status)));
		}
		catch (RuntimeException ex) {
			log.warn("Could not send the daily digest of user {}, trying again next run", userId, ex);
			return false;
		}
	}

	/**
	 * Sends the user's digest of the day, unless another run claimed the day first.
	 * Vendor admins see the mail on their sent-mail page with their own leads only.
	 */
	private boolean send(UUID userId, LocalDate day, Instant now, TransactionStatus status) {
		if (!this.digests.claimDay(userId, day, now)) {
			return false;
		}
		List<LeadDigestItem> items = this.digests.takeWaiting(userId, day);
		if (items.isEmpty()) {
			// another run took them for another day (the user changed zone): no empty
			// mail
			status.setRollbackOnly();
			return false;
		}
		Recipient recipient = items.get(items.size() - 1).recipient();
		boolean kept = this.mailer.keepsOnly();
		Map<UUID, List<LeadDigestItem>> byVendor = items.stream()
			.collect(Collectors.groupingBy(LeadDigestItem::vendorOrganizationId, LinkedHashMap::new,
					Collectors.toList()));
		byVendor.forEach((vendor, ofVendor) -> this.sentMails.recordDigest(
				UUID.nameUUIDFromBytes((userId + "/" + day + "/" + vendor).getBytes(StandardCharsets.UTF_8)), recipient,
				this.composer.composeDigest(recipient, ofVendor), ofVendor.get(0), kept));
		this.mailer.send(recipient.email(), this.composer.composeDigest(recipient, items));
		return true;
	}

}
