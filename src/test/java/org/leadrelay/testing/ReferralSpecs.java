package org.leadrelay.testing;

import java.math.BigDecimal;
import java.util.List;

import org.leadrelay.partner.Location;
import org.leadrelay.referral.Address;
import org.leadrelay.referral.Consent;
import org.leadrelay.referral.Customer;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.NewReferral;
import org.leadrelay.referral.Qualification;
import org.leadrelay.referral.ReferralType;
import org.leadrelay.referral.Requirements;

/**
 * Referrals to send through the domain API directly, where HTTP is not what a test is
 * about.
 */
public final class ReferralSpecs {

	private ReferralSpecs() {
	}

	public static NewReferral qualified(Location location) {
		return qualified(location, false);
	}

	/** A sales-qualified referral whose customer asked to be contacted. */
	public static NewReferral contactRequested(Location location) {
		return qualified(location, true);
	}

	private static NewReferral qualified(Location location, boolean contactRequested) {
		return new NewReferral(location.id(), Qualification.SalesQualified, ReferralType.Independent, "ERP rollout",
				null,
				new Customer("Alpine Dairy Kft.", Address.of(null, null, "Debrecen", null, null, "HU"), null,
						List.of()),
				new Consent(true, false),
				new Requirements(List.of("Manufacturing"), List.of("Northwind ERP"), List.of(), List.of()),
				"Needs an ERP", Money.of(new BigDecimal("25000"), "EUR"), null, contactRequested, null);
	}

}
