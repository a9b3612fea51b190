package org.leadrelay.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.leadrelay.notification.SentMailRepository.NewSentMail;
import org.leadrelay.platform.jobs.ClusteredJob;
import org.leadrelay.platform.jobs.ClusteredJob.Runs;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.Ids;
import org.leadrelay.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The log of every mail LeadRelay sent, which is also where mails are kept when no SMTP
 * server is configured (the sent-mail view). Its unique key on event and recipient is
 * what keeps a redelivered event from mailing anyone twice.
 */
@Service
public class SentMails {

	private static final Logger log = LoggerFactory.getLogger(SentMails.class);

	private final SentMailRepository mails;

	private final NotificationProperties properties;

	private final Clock clock;

	SentMails(SentMailRepository mails, NotificationProperties properties, Clock clock) {
		this.mails = mails;
		this.properties = properties;
		this.clock = clock;
	}

	/** A page of the mails about the vendor's referrals, newest first, for its admins. */
	public Page<SentMail> latest(Caller caller, Pageable pageable) {
		if (!caller.isVendor() || !caller.hasRole(Role.VENDOR_ADMIN)) {
			throw DomainException.accessDenied("Only the vendor's admins see sent mail");
		}
		UUID vendor = caller.organizationId().value();
		List<SentMail> page = this.mails.findLatest(vendor, pageable.getPageSize(), pageable.getOffset());
		return PageableExecutionUtils.getPage(page, pageable, () -> this.mails.count(vendor));
	}

	/**
	 * How long mails stay readable ({@code leadrelay.notifications.sent-mail-retention}).
	 */
	public Duration retention() {
		return this.properties.sentMailRetention();
	}

	/**
	 * Records a mail about to be sent, unless this recipient already got one for the
	 * event; call it in the transaction that sends, so that a failed send is not
	 * recorded.
	 * @return whether the mail is new and is to be sent
	 */
	boolean record(Notice notice, Recipient recipient, ComposedMail mail, boolean kept) {
		return !this.mails.addAll(List.of(aboutLead(notice, recipient, mail, kept)), this.clock.instant()).isEmpty();
	}

	/**
	 * Records a daily digest, or the part of it about one vendor's leads, which is what
	 * that vendor's admins see.
	 * @param eventId what makes it once per recipient
	 * @param first the first lead it lists, whose vendor and referral it is filed under
	 */
	void recordDigest(UUID eventId, Recipient recipient, ComposedMail mail, LeadDigestItem first, boolean kept) {
		this.mails.addAll(List.of(new NewSentMail(Ids.newId(this.clock), eventId, NotificationKind.NEW_REFERRAL,
				recipient, mail, first.referralId().value(), first.vendorOrganizationId(), kept)),
				this.clock.instant());
	}

	/**
	 * Records the mails of a batch about to be sent, in one statement: a mail about one
	 * lead as {@link #record} does, one that lists several leads (of one notice kind and
	 * vendor) filed under the first and once per recipient and the first's event; call it
	 * in the transaction that sends.
	 * @return the mails that are new and are to be sent
	 */
	List<AddressedMail> recordAll(List<AddressedMail> mails, boolean kept) {
		Map<UUID, AddressedMail> byId = new LinkedHashMap<>();
		List<NewSentMail> entries = new ArrayList<>();
		for (AddressedMail mail : mails) {
			Notice first = mail.leads().get(0).notice();
			NewSentMail entry = (mail.leads().size() == 1) ? aboutLead(first, mail.recipient(), mail.mail(), kept)
					: new NewSentMail(Ids.newId(this.clock), first.eventId(), first.kind(), mail.recipient(),
							mail.mail(), first.referral().id().value(), first.referral().vendorOrganizationId().value(),
							kept);
			byId.put(entry.id(), mail);
			entries.add(entry);
		}
		Set<UUID> added = this.mails.addAll(entries, this.clock.instant());
		return byId.entrySet().stream().filter(mail -> added.contains(mail.getKey())).map(Map.Entry::getValue).toList();
	}

	/**
	 * A mail about one lead, filed under the vendor only when vendor staff see the
	 * referral, so a deal between partners (or a private one) never shows on the vendor's
	 * sent-mail page.
	 */
	private NewSentMail aboutLead(Notice notice, Recipient recipient, ComposedMail mail, boolean kept) {
		return new NewSentMail(Ids.newId(this.clock), notice.eventId(), notice.kind(), recipient, mail,
				notice.referral().id().value(),
				notice.referral().visibleToVendor() ? notice.referral().vendorOrganizationId().value() : null, kept);
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	@ClusteredJob(value = "sent-mail-purge", runs = Runs.ONE_NODE_AT_A_TIME)
	void purgeExpired() {
		Duration retention = retention();
		int purged = this.mails.deleteSentBefore(this.clock.instant().minus(retention));
		if (purged > 0) {
			log.info("Forgot {} sent mails older than {}", purged, retention);
		}
	}

}
