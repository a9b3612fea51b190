package org.leadrelay.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.leadrelay.notification.NotificationRepository.NewNotification;
import org.leadrelay.partner.Location;
import org.leadrelay.partner.LocationId;
import org.leadrelay.partner.Organizations;
import org.leadrelay.referral.Qualification;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralEvent.ReferralExpired;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.ReferralSearch;
import org.leadrelay.referral.ReferralsExpired;
import org.leadrelay.shared.Ids;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells about the leads of one expiry sweep batch at once, at a cost per batch and
 * recipient rather than per lead: the batch's leads, their locations and their senders
 * are read in a few queries, every in-app notice of the batch is written by one insert,
 * and each sender (for a lead an API client sent: the vendor's admins) gets one mail, in
 * their language, for all their leads of the batch: the mail about one expired lead when
 * it is one, else one that lists them. The customer of an expired inquiry gets a mail of
 * their own with other partners to turn to, as before. A batch delivered again adds and
 * sends nothing new: a notice is unique per user and event, a mail per recipient and the
 * event of its first lead.
 */
@Component
class ExpiryNotices {

	private final ReferralSearch referrals;

	private final Organizations organizations;

	private final Recipients recipients;

	private final Notices notices;

	private final NoticeDelivery delivery;

	private final MailComposer composer;

	private final NoticeTexts texts;

	private final NotificationRepository notifications;

	private final NotificationPreferences preferences;

	private final SentMails sentMails;

	private final Mailer mailer;

	private final Clock clock;

	ExpiryNotices(ReferralSearch referrals, Organizations organizations, Recipients recipients, Notices notices,
			NoticeDelivery delivery, MailComposer composer, NoticeTexts texts, NotificationRepository notifications,
			NotificationPreferences preferences, SentMails sentMails, Mailer mailer, Clock clock) {
		this.referrals = referrals;
		this.organizations = organizations;
		this.recipients = recipients;
		this.notices = notices;
		this.delivery = delivery;
		this.composer = composer;
		this.texts = texts;
		this.notifications = notifications;
		this.preferences = preferences;
		this.sentMails = sentMails;
		this.mailer = mailer;
		this.clock = clock;
	}

	@ApplicationModuleListener(id = "notification.referral-expirations")
	void on(ReferralsExpired batch) {
		Map<ReferralId, UUID> events = batch.expirations()
			.stream()
			.collect(Collectors.toMap(ReferralExpired::referralId, ReferralExpired::eventId, (first, second) -> first));
		List<Referral> expired = this.referrals.findAbout(batch.expirations());
		Map<LocationId, Location> locations = this.organizations
			.findLocations(expired.stream().map(Referral::locationId).collect(Collectors.toSet()));
		Map<String, List<Recipient>> senders = new HashMap<>();
		Map<Recipient, List<ToldLead>> toldByRecipient = new LinkedHashMap<>();
		for (Referral referral : expired) {
			UUID eventId = events.get(referral.id());
			if (referral.qualification() == Qualification.Direct) {
				this.delivery.deliver(this.notices.forCustomer(eventId, NotificationKind.REFERRAL_EXPIRED, referral));
				continue;
			}
			if (referral.engagement().isCoSell()) {
				// an invitation to a deal: no lead the vendor sent; its inviter hears by
				// webhook, and the vendor must not hear of a deal between partners
				continue;
			}
			List<Recipient> to = senders.computeIfAbsent(referral.vendorOrganizationId() + " " + referral.createdBy(),
					sender -> this.recipients.sender(referral));
			Notice notice = new Notice(eventId, NotificationKind.REFERRAL_EXPIRED, Audience.SENDER, referral,
					locations.get(referral.locationId()), NoticeDetails.NONE, to);
			ToldLead told = new ToldLead(notice, this.composer.arguments(notice));
			to.forEach(recipient -> toldByRecipient.computeIfAbsent(recipient, key -> new ArrayList<>()).add(told));
		}
		this.notifications.addAll(inApp(toldByRecipient), this.clock.instant());
		toldByRecipient.forEach(this::mail);
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
	 * Mails the recipient once about their leads, unless they turned these mails off;
	 * recorded in the listener's transaction, so that a failed send is retried with the
	 * batch.
	 */
	private void mail(Recipient recipient, List<ToldLead> leads) {
		if (recipient.userId() != null
				&& !this.preferences.emailEnabled(recipient.userId(), NotificationKind.REFERRAL_EXPIRED)) {
			return;
		}
		boolean kept = this.mailer.keepsOnly();
		ToldLead first = leads.get(0);
		ComposedMail mail = (leads.size() == 1) ? this.composer.compose(first.notice(), first.arguments(), recipient)
				: this.composer.composeExpired(recipient, leads);
		boolean added = (leads.size() == 1) ? this.sentMails.record(first.notice(), recipient, mail, kept)
				: this.sentMails.recordListing(leads, recipient, mail, kept);
		if (added) {
			this.mailer.send(recipient.email(), mail);
		}
	}

}
