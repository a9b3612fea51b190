package org.leadrelay.insights;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.partner.Location;
import org.leadrelay.referral.Address;
import org.leadrelay.referral.AssistanceRequestCode;
import org.leadrelay.referral.Consent;
import org.leadrelay.referral.Customer;
import org.leadrelay.referral.DealDetails;
import org.leadrelay.referral.DealPipeline;
import org.leadrelay.referral.DealPipeline.CurrencyDeals;
import org.leadrelay.referral.DealPipeline.StageDeals;
import org.leadrelay.referral.DealStage;
import org.leadrelay.referral.DealType;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.NewDeal;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralAnalytics;
import org.leadrelay.referral.ReferralAttributes;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.Requirements;
import org.leadrelay.referral.Source;
import org.leadrelay.referral.TeamMember;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.ReferralSpecs;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.TestUsers;
import org.leadrelay.testing.TestUsers.TestUser;
import org.leadrelay.testing.WebSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The open co-sell deal pipeline weighted by stage, per currency, for a partner and for
 * the vendor, worked out by hand; leads, closed deals and deals the caller may not see
 * stay out of it.
 */
@IntegrationTest
class DealPipelineIntegrationTests {

	@Autowired
	TestProgram programs;

	@Autowired
	TestUsers users;

	@Autowired
	ReferralManagement management;

	@Autowired
	ReferralAnalytics analytics;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	Program program;

	Caller contosoAdmin;

	Caller vendorAdmin;

	/**
	 * Contoso's deals on its Budapest location:
	 *
	 * <pre>
	 * partner-led  40,000 EUR  Qualified (20 %)
	 * partner-led  10,000 EUR  Accepted (10 %)
	 * private       5,000 USD  Proposed (60 %)
	 * partner-led   7,000 EUR  won (closed, not in the pipeline)
	 * co-sell      20,000 EUR  Accepted (10 %); the vendor's own record of it accepted at
	 *                          25,000 EUR and moved to Negotiated (80 %)
	 * </pre>
	 *
	 * and a lead it accepted at 99,000 EUR, which is no deal.
	 */
	@BeforeEach
	void seedDeals() {
		this.program = this.programs.create();
		this.contosoAdmin = new Caller(Caller.Kind.API_CLIENT, "client:contoso", "Contoso CRM",
				this.program.contoso().id(), OrganizationKind.PARTNER, Set.of(Role.REFERRALS_ADMIN));
		this.vendorAdmin = new Caller(Caller.Kind.API_CLIENT, "client:vendor", "Vendor CRM", this.program.vendor().id(),
				OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));

		Referral qualified = create(DealType.PartnerLed, "40000", "EUR");
		this.management.moveToStage(this.contosoAdmin, qualified.id(), DealStage.Qualified, Source.API, null);
		create(DealType.PartnerLed, "10000", "EUR");
		Referral proposed = create(DealType.Private, "5000", "USD");
		this.management.moveToStage(this.contosoAdmin, proposed.id(), DealStage.Proposed, Source.API, null);
		Referral won = create(DealType.PartnerLed, "7000", "EUR");
		this.management.markWon(this.contosoAdmin, won.id(), Source.API, null);
		Referral coSell = create(DealType.CoSell, "20000", "EUR");
		ReferralId invitation = new ReferralId(this.jdbc.sql("select id from referral where inviter_referral_id = ?")
			.param(coSell.id().value())
			.query(UUID.class)
			.single());
		this.management.accept(this.vendorAdmin, invitation, details("25000", "EUR"), List.of(), Source.API, null);
		this.management.moveToStage(this.vendorAdmin, invitation, DealStage.Negotiated, Source.API, null);

		Referral lead = this.management.send(this.vendorAdmin, ReferralSpecs.qualified(this.program.budapest()),
				Source.API);
		this.management.accept(this.contosoAdmin, lead.id(), details("99000", "EUR"), List.of(), Source.API, null);
	}

	@Test
	void aPartnersPipelineWeighsItsOpenDealsByStagePerCurrency() {
		DealPipeline pipeline = this.analytics.dealPipeline(this.contosoAdmin, null);

		assertThat(pipeline.currencies())
			.extracting(deals -> deals.currency().getCurrencyCode(), CurrencyDeals::count, CurrencyDeals::value,
					CurrencyDeals::weighted)
			.containsExactly(tuple("EUR", 3L, amount("70000"), amount("11000")),
					tuple("USD", 1L, amount("5000"), amount("3000")));
		assertThat(pipeline.currencies().get(0).stages())
			.extracting(StageDeals::stage, StageDeals::count, StageDeals::value, StageDeals::weighted)
			.containsExactly(tuple(DealStage.Accepted, 2L, amount("30000"), amount("3000")),
					tuple(DealStage.Qualified, 1L, amount("40000"), amount("8000")));
		assertThat(this.analytics.dealPipeline(this.contosoAdmin, this.program.vienna().id()).isEmpty())
			.as("no deal on another location")
			.isTrue();
	}

	@Test
	void theVendorsPipelineHoldsWhatItsStaffSeeNotPrivateDealsNorThePartnersSideOfACoSell() {
		DealPipeline pipeline = this.analytics.dealPipeline(this.vendorAdmin, null);

		assertThat(pipeline.currencies()).singleElement().satisfies(eur -> {
			assertThat(eur.currency().getCurrencyCode()).isEqualTo("EUR");
			assertThat(eur.stages()).extracting(StageDeals::stage, StageDeals::count, StageDeals::value)
				.containsExactly(tuple(DealStage.Accepted, 1L, amount("10000")),
						tuple(DealStage.Qualified, 1L, amount("40000")),
						tuple(DealStage.Negotiated, 1L, amount("25000")));
			assertThat(eur.weighted()).isEqualByComparingTo("29000");
		});
	}

	@Test
	void theInsightsPageShowsThePipelineInTheReadersLanguageAndAnEmptyStateWithoutDeals() {
		TestUser anna = this.users.create(this.program.contoso(), "Anna Kovács", Role.REFERRALS_ADMIN);
		WebSession browser = new WebSession(this.port);
		browser.signIn(anna.email(), TestUsers.PASSWORD);

		String english = browser.get("/insights?lang=en").body();
		assertThat(english)
			.contains("Open co-sell deals, weighted by stage", "Open deals in EUR", "Open deals in USD",
					"Qualified (20 %)", "€40,000", "€8,000", "€70,000", "€11,000", "$3,000")
			.doesNotContain("No open co-sell deals.");
		String hungarian = browser.get("/insights?lang=hu").body();
		assertThat(hungarian).contains("Nyitott közös értékesítési üzletek, szakasz szerint súlyozva",
				"Nyitott üzletek (EUR)", "Minősítve (20 %)", "Súlyozott érték", "Összesen");

		TestUser franz = this.users.create(this.program.fabrikam(), "Franz Huber", Role.REFERRALS_ADMIN);
		WebSession fabrikam = new WebSession(this.port);
		fabrikam.signIn(franz.email(), TestUsers.PASSWORD);
		assertThat(fabrikam.get("/insights?lang=en").body()).contains("No open co-sell deals.")
			.doesNotContain("Open deals in EUR");
	}

	private Referral create(DealType type, String value, String currency) {
		ReferralAttributes attributes = type == DealType.CoSell
				? ReferralAttributes.NONE
					.with(Map.of("inviteContext/assistanceRequestCode", AssistanceRequestCode.QuotesOrLicensing.name()))
				: ReferralAttributes.NONE;
		Location budapest = this.program.budapest();
		return this.management.createDeal(this.contosoAdmin,
				new NewDeal(budapest.id(), null, type, details(value, currency),
						new Customer("Alpine Dairy", Address.of(null, null, "Debrecen", null, null, "HU"), null,
								List.of()),
						new Consent(true, false),
						new Requirements(List.of(), List.of(), List.of(), List.of("Dairy BI pack")),
						List.of(TeamMember.of("team/0", "Anna", "Kovács", null, "anna@contoso.example")), null,
						type == DealType.CoSell ? "Quote, please" : null, attributes),
				Source.API);
	}

	private static DealDetails details(String value, String currency) {
		return DealDetails.of("Dairy analytics", Money.of(new BigDecimal(value), currency),
				Instant.parse("2027-03-31T00:00:00Z"), "Three plants", null, null);
	}

	private static BigDecimal amount(String value) {
		return new BigDecimal(value).setScale(2);
	}

}
