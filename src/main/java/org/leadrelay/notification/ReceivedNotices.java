package org.leadrelay.notification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.leadrelay.partner.Location;
import org.leadrelay.partner.LocationId;
import org.leadrelay.partner.Organizations;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralEvent.ReferralReceived;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.ReferralSearch;
import org.leadrelay.referral.ReferralsReceived;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells partners about new leads announced together (an import chunk, or the leads the
 * vendor sent at about the same time) at once: the leads, their locations and each
 * location's team are read in a few queries, and each person gets one mail for all their
 * new leads of the batch ({@link BatchNoticeDelivery}) or finds them in their daily
 * digest, as a single new lead would be told ({@link ReferralNotices}).
 */
@Component
class ReceivedNotices {

	private final ReferralSearch referrals;

	private final Organizations organizations;

	private final Recipients recipients;

	private final BatchNoticeDelivery delivery;

	private final MailComposer composer;

	ReceivedNotices(ReferralSearch referrals, Organizations organizations, Recipients recipients,
			BatchNoticeDelivery delivery, MailComposer composer) {
		this.referrals = referrals;
		this.organizations = organizations;
		this.recipients = recipients;
		this.delivery = delivery;
		this.composer = composer;
	}

	@ApplicationModuleListener(id = "notification.referral-receipts")
	void on(ReferralsReceived batch) {
		Map<ReferralId, ReferralReceived> events = batch.received()
			.stream()
			.collect(Collectors.toMap(ReferralReceived::referralId, event -> event, (first, second) -> first));
		List<Referral> received = this.referrals.findAbout(batch.received());
		Map<LocationId, Location> locations = this.organizations
			.findLocations(received.stream().map(Referral::locationId).collect(Collectors.toSet()));
		Map<LocationId, List<Recipient>> teams = new HashMap<>();
		List<Notice> notices = new ArrayList<>();
		for (Referral referral : received) {
			ReferralReceived event = events.get(referral.id());
			Location location = locations.get(referral.locationId());
			List<Recipient> to = teams.computeIfAbsent(referral.locationId(),
					id -> this.recipients.partnerTeam(referral, location));
			notices.add(new Notice(event.eventId(), kindOf(event), Audience.PARTNER, referral, location,
					NoticeDetails.NONE, to));
		}
		this.delivery.deliver(notices, this.composer::composeReceived);
	}

	static NotificationKind kindOf(ReferralReceived received) {
		return received.contactRequested() ? NotificationKind.CONTACT_REQUEST : NotificationKind.NEW_REFERRAL;
	}

}
