package org.leadrelay.referral;

import java.util.List;

import org.leadrelay.partner.Location;

/**
 * Receives customer inquiries (Direct referrals) the way the marketplace's contact form
 * does, without going through its page: for tests about what happens to inquiries.
 */
public class CustomerInquiries {

	private final ReferralManagement management;

	CustomerInquiries(ReferralManagement management) {
		this.management = management;
	}

	/** A customer in {@code country} asks a partner location for help. */
	public Referral inquire(Location location, String company, String country, TeamMember contact) {
		return inquire(location, company, country, contact, Requirements.NONE);
	}

	/**
	 * A customer in {@code country} asks a partner location for help with these topics.
	 */
	public Referral inquire(Location location, String company, String country, TeamMember contact,
			Requirements topics) {
		return this.management
			.receiveInquiry(new NewReferral(location.id(), Qualification.Direct, ReferralType.Independent, null, null,
					new Customer(company, Address.of(null, null, "Szeged", null, null, country), null,
							List.of(contact)),
					new Consent(true, false), topics, "We need an ERP for our two shops", null, null, false, null));
	}

}
