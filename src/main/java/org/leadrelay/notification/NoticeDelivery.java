package org.leadrelay.notification;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers a notice to each recipient once: a user gets it in-app and, unless they turned
 * that kind off or it is in-app only, by mail (new leads maybe in the daily digest, see
 * {@link LeadDigests}); an address just by mail. Each recipient is one transaction that
 * records the notification and the mail and sends it, so a failed send leaves no trace
 * and is retried with the event, while the recipients already reached are skipped then.
 */
@Component
class NoticeDelivery {

	private final MailComposer composer;

	private final Mailer mailer;

	private final SentMails sentMails;

	private final Notifications notifications;

	private final NotificationPreferences preferences;

	private final LeadDigests digests;

	private final TransactionTemplate transactions;

	NoticeDelivery(MailComposer composer, Mailer mailer, SentMails sentMails, Notifications notifications,
			NotificationPreferences preferences, LeadDigests digests, TransactionTemplate transactions) {
		this.composer = composer;
		this.mailer = mailer;
		this.sentMails = sentMails;
		this.notifications = notifications;
		this.preferences = preferences;
		this.digests = digests;
		this.transactions = transactions;
	}

	void deliver(Notice notice) {
		NoticeArguments arguments = this.composer.arguments(notice);
		for (Recipient recipient : notice.recipients()) {
			ComposedMail mail = this.composer.compose(notice, arguments, recipient);
			this.transactions.executeWithoutResult(status -> {
				if (recipient.userId() != null) {
					this.notifications.add(recipient.userId(), notice, arguments, mail.subject());
				}
				boolean wantsMail = notice.kind().mailed() && (recipient.userId() == null
						|| this.preferences.emailEnabled(recipient.userId(), notice.kind()));
				if (wantsMail && this.preferences.holdsForDigest(notice, recipient)) {
					this.digests.hold(notice, arguments, recipient);
				}
				else if (wantsMail && this.sentMails.record(notice, recipient, mail, this.mailer.keepsOnly())) {
					this.mailer.send(recipient.email(), mail);
				}
			});
		}
	}

}
