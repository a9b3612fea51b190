package org.leadrelay.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.leadrelay.identity.UserContact;
import org.leadrelay.identity.UserDirectory;
import org.leadrelay.partner.Location;
import org.leadrelay.partner.Organization;
import org.leadrelay.referral.Address;
import org.leadrelay.referral.Consent;
import org.leadrelay.referral.Customer;
import org.leadrelay.referral.DealDetails;
import org.leadrelay.referral.DealStage;
import org.leadrelay.referral.DealType;
import org.leadrelay.referral.LostReason;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.NewDeal;
import org.leadrelay.referral.Origin;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralFilter;
import org.leadrelay.referral.ReferralFilter.Comparison;
import org.leadrelay.referral.ReferralFilter.Field;
import org.leadrelay.referral.ReferralFilter.Operator;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.ReferralQuery;
import org.leadrelay.referral.ReferralSort;
import org.leadrelay.referral.Substatus;
import org.leadrelay.referral.ReferralAttributes;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.ReferralSearch;
import org.leadrelay.referral.Requirements;
import org.leadrelay.referral.Source;
import org.leadrelay.referral.TeamMember;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Co-sell deals for the demo (issue 17): Contoso's and Fabrikam's own deals of every type
 * in every sales stage, one lost, co-sell invitations the vendor answered and one it has
 * still to answer, and a partner-to-partner invitation that Fabrikam has still to answer.
 * They are created and moved through the aggregate as users would, today.
 */
@Component
class DemoDeals {

	private static final Logger log = LoggerFactory.getLogger(DemoDeals.class);

	private final ReferralManagement referrals;

	private final ReferralSearch search;

	private final UserDirectory users;

	private final Clock clock;

	DemoDeals(ReferralManagement referrals, ReferralSearch search, UserDirectory users, Clock clock) {
		this.referrals = referrals;
		this.search = search;
		this.users = users;
		this.clock = clock;
	}

	/** After the demo users exist: the deals are theirs. */
	void seed(DemoProgram demo) {
		Organization contoso = demo.partner("Contoso Consulting");
		Organization fabrikam = demo.partner("Fabrikam Solutions");
		Location budapest = demo.locationsOf(contoso).get(0);
		Location vienna = demo.locationsOf(fabrikam).get(0);
		Caller anna = caller(contoso.id(), OrganizationKind.PARTNER, Role.REFERRALS_ADMIN);
		Caller franz = caller(fabrikam.id(), OrganizationKind.PARTNER, Role.REFERRALS_ADMIN);
		Caller seller = caller(demo.vendor(), OrganizationKind.VENDOR, Role.VENDOR_SELLER);
		int count = 0;
		DealType[] types = { DealType.PartnerLed, DealType.Private, DealType.PartnerLed, DealType.CoSell,
				DealType.PartnerLed, DealType.PartnerLed };
		DealStage[] stages = DealStage.values();
		for (int i = 0; i < stages.length; i++) {
			Referral deal = create(anna, budapest, types[i], "Alpine Dairy Kft.", "Debrecen", "HU", 20_000 + i * 5_000,
					null);
			count++;
			if (types[i] == DealType.CoSell) {
				// the vendor took the co-sell invitation on and works its own record too
				Referral invitation = invitationOf(seller, deal);
				accept(seller, invitation, "Northwind supports the proof of concept");
				move(seller, invitation.id(), DealStage.Qualified);
			}
			move(anna, deal.id(), stages[i]);
		}
		Referral lost = create(franz, vienna, DealType.PartnerLed, "Tirol Kliniken Verbund", "Innsbruck", "AT", 55_000,
				null);
		move(franz, lost.id(), DealStage.Proposed);
		this.referrals.markLost(franz, lost.id(), LostReason.Price, Source.UI, null);
		create(franz, vienna, DealType.CoSell, "Wiener Stadtwerke Service GmbH", "Vienna", "AT", 80_000, null);
		Referral p2p = create(anna, budapest, DealType.PartnerToPartner, "Salzach Maschinenbau AG", "Salzburg", "AT",
				45_000, vienna);
		move(anna, p2p.id(), DealStage.Qualified);
		Referral answered = create(franz, vienna, DealType.PartnerToPartner, "Balaton Hotels Kft.", "Siófok", "HU",
				30_000, budapest);
		accept(anna, invitationOf(anna, answered), "We know the hotels on the lake");
		count += 4;
		log.info("Demo data: created {} co-sell deals", count);
	}

	private Referral create(Caller partner, Location location, DealType type, String customer, String city,
			String country, long value, @Nullable Location invited) {
		String currency = "US".equals(location.country()) ? "USD" : "EUR";
		DealDetails details = DealDetails.of("Northwind ERP for " + customer,
				Money.of(BigDecimal.valueOf(value), currency), this.clock.instant().plus(Duration.ofDays(120)),
				"Budget approved for the next fiscal year", "CRM-" + value, null);
		ReferralAttributes attributes = type == DealType.CoSell
				? ReferralAttributes.NONE.with(Map.of("inviteContext/assistanceRequestCode", "ProofOfConceptOrDemo"))
				: ReferralAttributes.NONE;
		NewDeal spec = new NewDeal(location.id(), null, type, details,
				new Customer(customer, Address.of(null, null, city, null, null, country), null, List.of()),
				new Consent(true, false), new Requirements(List.of(), List.of("Northwind ERP"), List.of(), List.of()),
				List.of(TeamMember.of("team/0", partner.displayName().split(" ")[0],
						partner.displayName().split(" ")[1], "+36 1 555 0100",
						partner.displayName().split(" ")[0].toLowerCase(Locale.ROOT) + "@partner.example")),
				invited == null ? null : invited.id(),
				type.invites() ? "Could you help us with the " + customer + " deal?" : null, attributes);
		return this.referrals.createDeal(partner, spec, Source.UI);
	}

	/** The invited organization's record of a deal. */
	private Referral invitationOf(Caller invitee, Referral deal) {
		ReferralFilter filter = new ReferralFilter.And(
				List.of(new Comparison(Field.ORIGIN, Operator.EQ, Origin.Invitation),
						new Comparison(Field.SUBSTATUS, Operator.EQ, Substatus.Received),
						new ReferralFilter.NameContains(Objects.requireNonNull(deal.name()))));
		return this.search.list(invitee, new ReferralQuery(filter, ReferralSort.NEWEST_FIRST, 1, 0, null, false))
			.items()
			.get(0)
			.referral();
	}

	private void accept(Caller invitee, Referral invitation, String notes) {
		Money value = invitation.dealValue();
		this.referrals.accept(invitee, invitation.id(),
				DealDetails.of(invitation.name(), value, invitation.closingAt(), notes, null, null), List.of(),
				Source.UI, null);
	}

	private void move(Caller caller, ReferralId deal, DealStage stage) {
		if (stage == DealStage.Won) {
			this.referrals.moveToStage(caller, deal, DealStage.Negotiated, Source.UI, null);
			this.referrals.markWon(caller, deal, Source.UI, null);
		}
		else if (stage != DealStage.Accepted) {
			this.referrals.moveToStage(caller, deal, stage, Source.UI, null);
		}
	}

	private Caller caller(OrganizationId organization, OrganizationKind kind, Role role) {
		UserContact user = this.users.withAnyRole(organization, Set.of(role))
			.stream()
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No demo user with role " + role));
		return new Caller(Caller.Kind.USER, Caller.USER_PREFIX + user.id(), user.displayName(), organization, kind,
				Set.of(role));
	}

}
