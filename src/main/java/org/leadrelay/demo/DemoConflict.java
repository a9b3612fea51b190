package org.leadrelay.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.leadrelay.partner.Location;
import org.leadrelay.partner.Organization;
import org.leadrelay.referral.Address;
import org.leadrelay.referral.Consent;
import org.leadrelay.referral.Customer;
import org.leadrelay.referral.DealDetails;
import org.leadrelay.referral.DealType;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.NewDeal;
import org.leadrelay.referral.PastDeals;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralAttributes;
import org.leadrelay.referral.Requirements;
import org.leadrelay.referral.Source;
import org.leadrelay.referral.TeamMember;
import org.leadrelay.referral.registration.ChannelConflicts;
import org.leadrelay.referral.registration.DealRegistrations;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The deal-registration demo: Contoso and Fabrikam both work Hortobágy Foods for the same
 * product (an open channel conflict for the vendor to decide), and Contoso's deal with
 * Balaton Wines, won a week ago, waits for the vendor's approval.
 */
@Component
class DemoConflict {

	private static final Logger log = LoggerFactory.getLogger(DemoConflict.class);

	private static final String PRODUCT = "Northwind Analytics";

	private final PastDeals deals;

	private final ChannelConflicts conflicts;

	private final DealRegistrations registrations;

	private final Clock clock;

	DemoConflict(PastDeals deals, ChannelConflicts conflicts, DealRegistrations registrations, Clock clock) {
		this.deals = deals;
		this.conflicts = conflicts;
		this.registrations = registrations;
		this.clock = clock;
	}

	void seed(DemoProgram demo) {
		Instant now = this.clock.instant();
		Organization contoso = demo.partners().get(0);
		Organization fabrikam = demo.partners().get(1);
		Referral first = this.deals.record(admin(contoso),
				deal(demo.locationsOf(contoso).get(0), "Hortobágy Foods Kft.", "Hortobágy analytics rollout"),
				now.minus(Duration.ofDays(20)), null);
		Referral second = this.deals.record(admin(fabrikam),
				deal(demo.locationsOf(fabrikam).get(0), "HORTOBAGY FOODS zrt.", "Hortobagy dashboards"),
				now.minus(Duration.ofDays(6)), null);
		this.conflicts.detect(first);
		this.conflicts.detect(second);
		Referral won = this.deals.record(admin(contoso),
				deal(demo.locationsOf(contoso).get(0), "Balaton Wines Kft.", "Balaton Wines analytics"),
				now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(7)));
		this.registrations.register(admin(contoso), won.id(), List.of(), null, Source.UI);
		log.info("Demo data: created an open channel conflict and a pending deal registration");
	}

	private static Caller admin(Organization partner) {
		return new Caller(Caller.Kind.API_CLIENT, "client:demo-" + partner.id(), partner.name() + " CRM", partner.id(),
				OrganizationKind.PARTNER, Set.of(Role.REFERRALS_ADMIN));
	}

	private static NewDeal deal(Location location, String customer, String name) {
		return new NewDeal(location.id(), null, DealType.PartnerLed,
				DealDetails.of(name, Money.of(new BigDecimal("48000"), "EUR"), Instant.parse("2027-06-30T00:00:00Z"),
						"Analytics for the plants and the sales team", null, null),
				new Customer(customer, Address.of(null, null, "Debrecen", null, null, "HU"), null, List.of()),
				new Consent(true, false), new Requirements(List.of(), List.of(PRODUCT), List.of(), List.of()),
				List.of(TeamMember.of("team/0", "Demo", "Seller", null, "seller@demo.example")), null, null,
				ReferralAttributes.NONE.withConsentToShareWithVendor(true));
	}

}
