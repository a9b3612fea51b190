package org.leadrelay.referral;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.leadrelay.partner.LocationId;
import org.leadrelay.shared.OrganizationId;

/**
 * Partners' deals built in memory for the unit tests of other packages of the module
 * (registrations, conflicts), through the same factory and transitions as real ones.
 */
public final class TestDeals {

	public static final Actor PARTNER = new Actor("user:1", "Anna Kovács", Source.UI);

	public static final OrganizationId VENDOR = new OrganizationId(UUID.randomUUID());

	private TestDeals() {
	}

	/** An accepted deal of the partner's on the customer, for the products. */
	public static Referral open(DealType type, OrganizationId partner, String customer, String country,
			List<String> products, Instant createdAt) {
		NewDeal spec = new NewDeal(new LocationId(UUID.randomUUID()), null, type,
				DealDetails.of("Dairy analytics", Money.of(new BigDecimal("40000"), "EUR"),
						Instant.parse("2026-09-30T00:00:00Z"), "notes", null, null),
				new Customer(customer, Address.of(null, null, "Debrecen", null, null, country), null, List.of()),
				new Consent(true, false), new Requirements(List.of(), products, List.of(), List.of("Own pack")),
				List.of(TeamMember.of("team/0", "Anna", "Kovács", null, "anna@contoso.example")),
				type == DealType.PartnerToPartner ? new LocationId(UUID.randomUUID()) : null,
				type.invites() ? "Could you help?" : null,
				type == DealType.CoSell ? ReferralAttributes.NONE
					.with(Map.of("inviteContext/assistanceRequestCode", AssistanceRequestCode.GeneralOrOther.name()))
						: ReferralAttributes.NONE);
		Referral deal = DealRecords.create(new ReferralId(UUID.randomUUID()), spec, partner, VENDOR, PARTNER,
				createdAt);
		deal.markPersisted(1);
		return deal;
	}

	/** The same deal, won a minute after it was created. */
	public static Referral won(DealType type, OrganizationId partner, List<String> products, Instant createdAt) {
		Referral deal = open(type, partner, "Alpine Dairy", "HU", products, createdAt);
		deal.markWon(PARTNER, createdAt.plusSeconds(60));
		deal.markPersisted(2);
		return deal;
	}

	/** The vendor's record of a co-sell invitation to a partner's deal. */
	public static Referral invitation(OrganizationId partner, Instant createdAt) {
		Referral deal = open(DealType.CoSell, partner, "Alpine Dairy", "HU", List.of("Analytics Suite"), createdAt);
		return DealRecords.invitation(deal, new ReferralId(UUID.randomUUID()), VENDOR, deal.locationId(), PARTNER,
				createdAt, java.time.Duration.ofDays(14));
	}

}
