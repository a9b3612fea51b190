package org.leadrelay.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import org.leadrelay.notification.NotificationRepository.NewNotification;
import org.leadrelay.shared.Ids;

import org.springframework.stereotype.Component;

/**
 * Delivers the notices of a batch of leads (an expiry sweep batch, new leads announced
 * together) at a cost per batch and recipient rather than per lead: every in-app notice
 * by one insert, and each recipient one mail, in their language, for all their leads of
 * the batch: the mail about one lead when it is one, else one that lists them; every mail
 * of the batch logged by one insert too. New leads of a user on the daily digest wait for
 * it, as {@link NoticeDelivery} holds them. Works in the listener's transaction, so that
 * a failed send is retried with the batch; a batch delivered again adds and sends nothing
 * new: a notice is unique per user and event, a mail per recipient and the event of its
 * first lead.
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
		tell(toldByRecipient.entrySet().stream().map(told -> new Told(told.getKey(), told.getValue())).toList(),
				listing);
	}

	/**
	 * Tells each recipient of each notice about that lead alone, even a recipient of
	 * several (a customer hears of each inquiry by itself), the batch's in-app notices
	 * and mails still each recorded by one insert.
	 */
	void deliverEach(List<Notice> notices) {
		List<Told> told = new ArrayList<>();
		for (Notice notice : notices) {
			ToldLead lead = new ToldLead(notice, this.composer.arguments(notice));
			notice.recipients().forEach(recipient -> told.add(new Told(recipient, List.of(lead))));
		}
		tell(told, (recipient, leads) -> {
			throw new IllegalStateException("A recipient is told of one lead at a time here");
		});
	}

	private void tell(List<Told> told, BiFunction<Recipient, List<ToldLead>, ComposedMail> listing) {
		this.notifications.addAll(inApp(told), this.clock.instant());
		List<AddressedMail> mails = new ArrayList<>();
		for (Told each : told) {
			mailed(each, listing).ifPresent(mails::add);
		}
		for (AddressedMail mail : this.sentMails.recordAll(mails, this.mailer.keepsOnly())) {
			this.mailer.send(mail.recipient().email(), mail.mail());
		}
	}

	/** A notice for each user and lead, titled in the user's language. */
	private List<NewNotification> inApp(List<Told> told) {
		List<NewNotification> added = new ArrayList<>();
		for (Told each : told) {
			Recipient recipient = each.recipient();
			if (recipient.userId() == null) {
				continue;
			}
			for (ToldLead lead : each.leads()) {
				Notice notice = lead.notice();
				added.add(new NewNotification(Ids.newId(this.clock), recipient.userId(), notice, lead.arguments(),
						this.texts.subject(notice.audience(), notice.kind(), lead.arguments(), recipient.locale())));
			}
		}
		return added;
	}

	/**
	 * The mail to the recipient about the leads of the kinds they get by mail, composed;
	 * those that wait for their digest are held for it.
	 */
	private Optional<AddressedMail> mailed(Told told, BiFunction<Recipient, List<ToldLead>, ComposedMail> listing) {
		Recipient recipient = told.recipient();
		// the settings are the recipient's per kind: read once per batch
		Map<NotificationKind, Boolean> wanted = new EnumMap<>(NotificationKind.class);
		Map<NotificationKind, Boolean> held = new EnumMap<>(NotificationKind.class);
		List<ToldLead> mailed = new ArrayList<>();
		for (ToldLead lead : told.leads()) {
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
			return Optional.empty();
		}
		ToldLead first = mailed.get(0);
		ComposedMail mail = (mailed.size() == 1) ? this.composer.compose(first.notice(), first.arguments(), recipient)
				: listing.apply(recipient, mailed);
		return Optional.of(new AddressedMail(recipient, mailed, mail));
	}

	/** A recipient and the leads of the batch they are told of. */
	private record Told(Recipient recipient, List<ToldLead> leads) {
	}

}
