package org.leadrelay.notification;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.Location;
import org.leadrelay.partner.LocationId;
import org.leadrelay.partner.Organizations;
import org.leadrelay.referral.Qualification;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralId;

import org.springframework.stereotype.Component;

/**
 * Builds the notice for each audience of a referral, with its recipients.
 */
@Component
class Notices {

	private final Organizations organizations;

	private final Recipients recipients;

	private final AlternativePartners alternatives;

	Notices(Organizations organizations, Recipients recipients, AlternativePartners alternatives) {
		this.organizations = organizations;
		this.recipients = recipients;
		this.alternatives = alternatives;
	}

	Notice forPartner(UUID eventId, NotificationKind kind, Referral referral, NoticeDetails details) {
		Location location = location(referral);
		return new Notice(eventId, kind, Audience.PARTNER, referral, location, details,
				this.recipients.partnerTeam(referral, location));
	}

	/**
	 * Qualified leads only: a customer inquiry has no vendor sender to tell, and a deal
	 * or an invitation to one is no lead the vendor sent (its inviter hears by webhook).
	 */
	List<Notice> forSender(UUID eventId, NotificationKind kind, Referral referral, NoticeDetails details) {
		if (referral.qualification() == Qualification.Direct || referral.engagement().isCoSell()) {
			return List.of();
		}
		return List.of(new Notice(eventId, kind, Audience.SENDER, referral, location(referral), details,
				this.recipients.sender(referral)));
	}

	/** The customer of an inquiry, with other partners to turn to. */
	Notice forCustomer(UUID eventId, NotificationKind kind, Referral referral) {
		Location location = location(referral);
		return forCustomers(kind, List.of(referral), Map.of(referral.id(), eventId),
				location == null ? Map.of() : Map.of(location.id(), location))
			.get(0);
	}

	/**
	 * {@link #forCustomer} for the inquiries of a batch, whose locations the caller has
	 * read: their alternatives and languages are looked up for the batch at once.
	 */
	List<Notice> forCustomers(NotificationKind kind, List<Referral> inquiries, Map<ReferralId, UUID> events,
			Map<LocationId, Location> locations) {
		Map<ReferralId, List<Alternative>> alternatives = this.alternatives.forCustomersOf(inquiries);
		Map<ReferralId, List<Recipient>> customers = this.recipients.customers(inquiries);
		return inquiries.stream()
			.map(inquiry -> new Notice(events.get(inquiry.id()), kind, Audience.CUSTOMER, inquiry,
					locations.get(inquiry.locationId()), NoticeDetails.alternatives(alternatives.get(inquiry.id())),
					customers.get(inquiry.id())))
			.toList();
	}

	/** The customer who just sent an inquiry, with the link to follow it. */
	Notice forInquirer(UUID eventId, Referral referral, String statusLink, Locale language) {
		return new Notice(eventId, NotificationKind.INQUIRY_CONFIRMATION, Audience.CUSTOMER, referral,
				location(referral), NoticeDetails.statusLink(statusLink), this.recipients.customer(referral, language));
	}

	private @Nullable Location location(Referral referral) {
		return this.organizations.findLocation(referral.locationId()).orElse(null);
	}

}
