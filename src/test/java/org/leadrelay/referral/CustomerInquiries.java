package org.leadrelay.referral;

import java.time.Clock;
import java.util.List;

import org.leadrelay.partner.Location;
import org.leadrelay.shared.Ids;
import org.leadrelay.shared.OrganizationId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives customer inquiries (Direct referrals) the way the marketplace's contact form
 * will: through the aggregate, stored with their timeline and events in one transaction.
 */
public class CustomerInquiries {

	private final ReferralRepository repository;

	private final ReferralProperties properties;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	CustomerInquiries(ReferralRepository repository, ReferralProperties properties, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock) {
		this.repository = repository;
		this.properties = properties;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** A customer in {@code country} asks a partner location for help. */
	public Referral inquire(Location location, OrganizationId vendor, String company, String country,
			TeamMember contact) {
		NewReferral spec = new NewReferral(location.id(), Qualification.Direct, ReferralType.Independent, null, null,
				new Customer(company, Address.of(null, null, "Szeged", null, null, country), null, List.of(contact)),
				new Consent(true, false), Requirements.NONE, "We need an ERP for our two shops", null, null, false,
				null);
		Actor customer = new Actor("customer", contact.fullName() + " (customer)", Source.UI);
		Referral referral = this.transactions.execute(status -> {
			Referral received = Referral.receive(new ReferralId(Ids.newId(this.clock)), spec, location.organizationId(),
					vendor, customer, this.clock.instant(), this.properties.responseWindow());
			List<ReferralEvent> pending = received.pendingEvents();
			this.repository.insert(received);
			pending.forEach(this.events::publishEvent);
			return received;
		});
		if (referral == null) {
			throw new IllegalStateException("The inquiry was not stored");
		}
		return referral;
	}

}
