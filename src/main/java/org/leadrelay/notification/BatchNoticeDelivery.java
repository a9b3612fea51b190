package org.leadrelay.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.leadrelay.notification.NotificationRepository.NewNotification;
import org.leadrelay.shared.Ids;

import org.springframework.stereotype.Component;

/**
 * Delivers the notices of a batch of leads (an expiry sweep batch, new leads announced
 * together) at a cost per batch and recipient rather than per lead: every in-app notice
 * by one insert, and each recipient one mail, in their language, for all their leads of
 * the batch: the mail about one lead when it is one, else one that lists them. New leads
 * of a user on the daily digest wait for it, as {@link NoticeDelivery} holds them. Works
 * in the listener's transaction, so that a failed send is retried with the batch; a batch
 * delivered again adds and sends nothing new: a notice is unique per user and event, a
 * mail per recipient and the event of its first lead.
 */
@Component
class BatchNoticeDelivery {

	private final MailComposer composer;

	private final NoticeTexts texts;

	private final NotificationRepository notifications;

	private final NotificationPreferences preferences;

	private final LeadDigests digests;

	private final SentMails sentMails;

	private final Mailer mailer;

	private final Clock clock;

	BatchNoticeDelivery(MailComposer composer, NoticeTexts texts, NotificationRepository notifications,
			NotificationPreferences preferences, LeadDigests digests, SentMails sentMails, Mailer mailer, Clock clock) {
		this.composer = composer;
		this.texts = texts;
		this.notifications = notifications;
		this.preferences = preferences;
		this.digests = digests;
		this.sentMails = sentMails;
		this.mailer = mailer;
		this.clock = clock;
	}

	/**
	 * @param notices the batch's notices, each with its recipients
	 * @param listing the mail that lists several of a recipient's leads
	 */
	void deliver(List<Notice> notices, BiFunction<Recipient, List<ToldLead>, ComposedMail> listing) {
		Map<Recipient, List<ToldLead>> toldByRecipient = new LinkedHashMap<>();
		for (Notice notice : notices) {
			ToldLead told = new ToldLead(notice, this.composer.arguments(notice));
			notice.recipients()
				.forEach(recipient -> toldByRecipient.computeIfAbsent(recipient, key -> new ArrayList<>()).add(told));
		}
		this.notifications.addAll(inApp(toldByRecipient), this.clock.instant());
		toldByRecipient.forEach((recipient, leads) -> mail(recipient, leads, listing));
	}

	/** A notice for each user and lead, titled in the user's language. */
	private List<NewNotification> inApp(Map<Recipient, List<ToldLead>> toldByRecipient) {
		List<NewNotification> added = new ArrayList<>();
		toldByRecipient.forEach((recipient, leads) -> {
			if (recipient.userId() == null) {
				return;
			}
			for (ToldLead lead : leads) {
				Notice notice = lead.notice();
				added.add(new NewNotification(Ids.newId(this.clock), recipient.userId(), notice, lead.arguments(),
						this.texts.subject(notice.audience(), notice.kind(), lead.arguments(), recipient.locale())));
			}
		});
		return added;
	}

	/**
	 * Mails the recipient once about the leads of the kinds they get by mail, but holds
	 * those that wait for their digest.
	 */
	private void mail(Recipient recipient, List<ToldLead> leads,
			BiFunction<Recipient, List<ToldLead>, ComposedMail> listing) {
		// the settings are the recipient's per kind: read once per batch
		Map<NotificationKind, Boolean> wanted = new EnumMap<>(NotificationKind.class);
		Map<NotificationKind, Boolean> held = new EnumMap<>(NotificationKind.class);
		List<ToldLead> mailed = new ArrayList<>();
		for (ToldLead lead : leads) {
			Notice notice = lead.notice();
			if (!wanted.computeIfAbsent(notice.kind(), kind -> kind.mailed()
					&& (recipient.userId() == null || this.preferences.emailEnabled(recipient.userId(), kind)))) {
				continue;
			}
			if (held.computeIfAbsent(notice.kind(), kind -> this.preferences.holdsForDigest(notice, recipient))) {
				this.digests.hold(notice, lead.arguments(), recipient);
			}
			else {
				mailed.add(lead);
			}
		}
		if (mailed.isEmpty()) {
			return;
		}
		boolean kept = this.mailer.keepsOnly();
		ToldLead first = mailed.get(0);
		ComposedMail mail = (mailed.size() == 1) ? this.composer.compose(first.notice(), first.arguments(), recipient)
				: listing.apply(recipient, mailed);
		boolean added = (mailed.size() == 1) ? this.sentMails.record(first.notice(), recipient, mail, kept)
				: this.sentMails.recordListing(mailed, recipient, mail, kept);
		if (added) {
			this.mailer.send(recipient.email(), mail);
		}
	}

}
