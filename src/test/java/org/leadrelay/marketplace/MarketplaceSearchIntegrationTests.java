package org.leadrelay.marketplace;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.partner.BusinessProfile;
import org.leadrelay.partner.BusinessProfiles;
import org.leadrelay.partner.CatalogueKind;
import org.leadrelay.partner.Expertise;
import org.leadrelay.partner.Location;
import org.leadrelay.partner.Organization;
import org.leadrelay.partner.Organizations;
import org.leadrelay.partner.ProfileChanges;
import org.leadrelay.referral.DealDetails;
import org.leadrelay.referral.ExpirySweep;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.ReferralProperties;
import org.leadrelay.referral.Source;
import org.leadrelay.routing.Responsiveness;
import org.leadrelay.routing.ResponsivenessRefresh;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.CompanySize;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.EventPublications;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.MutableClock;
import org.leadrelay.testing.ReferralSpecs;
import org.leadrelay.testing.TestProfiles;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.leadrelay.testing.TestProfiles.location;

/**
 * The marketplace's search on the real index: keywords over tags and names (never the
 * description), filters, typos, ranking with responsiveness, paging, and changes that are
 * searchable at once. Every partner here carries this test's own word among its
 * solutions, so the searches see no other test's partners.
 */
@IntegrationTest
class MarketplaceSearchIntegrationTests {

	@Autowired
	Marketplace marketplace;

	@Autowired
	Organizations organizations;

	@Autowired
	BusinessProfiles businessProfiles;

	@Autowired
	TestProfiles profiles;

	@Autowired
	ReferralManagement management;

	@Autowired
	ReferralProperties referralProperties;

	@Autowired
	ExpirySweep expiry;

	@Autowired
	ResponsivenessRefresh responsivenessRefresh;

	@Autowired
	Responsiveness responsiveness;

	@Autowired
	EventPublications publications;

	@Autowired
	MutableClock clock;

	Organization vendor;

	String word;

	@BeforeEach
	void setUp() {
		this.vendor = this.organizations.registerVendor("Vendor " + TestProfiles.letters());
		this.word = TestProfiles.letters();
		this.profiles.catalogue(this.vendor, CatalogueKind.PRODUCT, "Northwind ERP", "Northwind CRM", "Dynamics 365");
		this.profiles.catalogue(this.vendor, CatalogueKind.INDUSTRY, "Manufacturing", "Retail", "Healthcare");
		this.profiles.catalogue(this.vendor, CatalogueKind.SERVICE, "Implementation", "Training");
	}

	@Test
	void keywordsMatchTagsAndNamesButNotTheDescription() {
		BusinessProfile erp = partner("Alpine Systems", "HU", tags("Manufacturing", "Northwind ERP"));
		BusinessProfile crm = partner("Balaton Digital", "HU", tags("Retail", "Northwind CRM"));
		BusinessProfile both = partner("Danube Partners", "AT", tags("Manufacturing", "Northwind CRM"));
		BusinessProfile describedOnly = partner("Tisza Solutions", "HU", tags("Healthcare", "Northwind CRM"));
		this.profiles.update(describedOnly, new ProfileChanges(null, "We also know manufacturing very well", null, null,
				null, null, null, null, null));

		assertThat(names(search("manufacturing"))).containsExactlyInAnyOrder("Alpine Systems", "Danube Partners");
		assertThat(names(search("northwind crm"))).containsExactlyInAnyOrder("Balaton Digital", "Danube Partners",
				"Tisza Solutions");
		assertThat(names(search("balaton"))).containsExactly("Balaton Digital");
		assertThat(names(search("manufact"))).as("a prefix finds the tag").hasSize(2);
		assertThat(ids(search("manufacturing crm"))).containsExactly(both.id().toString());
		assertThat(ids(search("manufacturing erp"))).containsExactly(erp.id().toString());
		assertThat(search("welding")).isEmpty();
		assertThat(crm.isListed()).isTrue();
	}

	@Test
	void filtersNarrowTheResults() {
		partner("Alpine Systems", "HU", tags("Manufacturing", "Northwind ERP"));
		partner("Danube Partners", "AT", tags("Manufacturing", "Northwind CRM"));
		BusinessProfile enterprise = this.profiles.listed(partner("Enterprise Only"), "Enterprise Only",
				tags("Manufacturing", "Northwind ERP"), Set.of(CompanySize.MORE_THAN_20000), location("Pécs", "HU"));

		assertThat(names(search("manufacturing", query -> query.country("HU"))))
			.containsExactlyInAnyOrder("Alpine Systems", "Enterprise Only");
		assertThat(names(search("manufacturing", query -> query.country("HU").size(CompanySize.EMPLOYEES_10_TO_50))))
			.containsExactly("Alpine Systems");
		assertThat(names(search("", query -> query.product("Northwind ERP").industry("manufacturing"))))
			.containsExactlyInAnyOrder("Alpine Systems", "Enterprise Only");
		String city = enterprise.locations().get(0).city();
		assertThat(names(search("", query -> query.city(city.toUpperCase())))).containsExactly("Enterprise Only");
	}

	@Test
	void anOlderSizeBandFindsThePartnersServingABandThatOverlapsIt() {
		sized("Small Shop", CompanySize.EMPLOYEES_1_TO_9, CompanySize.EMPLOYEES_10_TO_50);
		sized("Midsize Works", CompanySize.EMPLOYEES_51_TO_250);
		sized("Large Systems", CompanySize.EMPLOYEES_1001_TO_5000);

		assertThat(names(search("", query -> query.size(CompanySize.EMPLOYEES_1_TO_50)))).containsExactly("Small Shop");
		assertThat(names(search("", query -> query.size(CompanySize.EMPLOYEES_51_TO_500))))
			.containsExactly("Midsize Works");
		assertThat(names(search("", query -> query.size(CompanySize.MORE_THAN_500)))).containsExactly("Large Systems");
		assertThat(names(search("", query -> query.size(CompanySize.EMPLOYEES_251_TO_1000)))).isEmpty();
	}

	@Test
	void aSmallTypoStillFinds() {
		partner("Contoso Dynamics Team", "HU", tags("Retail", "Dynamics 365"));
		partner("Fabrikam Retail", "HU", tags("Retail", "Northwind CRM"));

		assertThat(names(search("Dynamcis"))).containsExactly("Contoso Dynamics Team");
		assertThat(names(search("retal dynamics"))).containsExactly("Contoso Dynamics Team");
	}

	@Test
	void aPartnerThatAnswersQuicklyRanksAboveOneThatLetsLeadsExpire() {
		BusinessProfile slow = partner("Slow Partner", "HU", tags("Retail", "Northwind ERP"));
		BusinessProfile quick = partner("Quick Partner", "HU", tags("Retail", "Northwind ERP"));
		BusinessProfile fresh = partner("Fresh Partner", "HU", tags("Retail", "Northwind ERP"));
		Caller vendorAdmin = new Caller(Caller.Kind.API_CLIENT, "client:search-vendor", "Vendor CRM", this.vendor.id(),
				OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
		Location slowLocation = slow.locations().get(0);
		Location quickLocation = quick.locations().get(0);
		for (int i = 0; i < 4; i++) {
			this.management.send(vendorAdmin, ReferralSpecs.qualified(slowLocation), Source.API);
			Referral answered = this.management.send(vendorAdmin, ReferralSpecs.qualified(quickLocation), Source.API);
			this.clock.advance(Duration.ofMinutes(30));
			this.management.accept(TestProfiles.admin(quick.organizationId()), answered.id(),
					DealDetails.of("ERP", Money.of(new BigDecimal("1000"), "EUR"),
							Instant.parse("2030-01-01T00:00:00Z"), "Needs an ERP", null, null),
					List.of(), Source.API, null);
		}
		this.clock.advance(this.referralProperties.responseWindow());
		this.expiry.run();

		this.responsivenessRefresh.run();

		assertThat(this.responsiveness.of(quick.organizationId()).score()).isGreaterThan(0.5);
		assertThat(this.responsiveness.of(slow.organizationId()).expiredShare()).isEqualTo(1.0);
		assertThat(this.responsiveness.of(fresh.organizationId()).hasHistory()).isFalse();
		// the scores reach the index from the outbox, right after the refresh
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(names(search("retail erp"))).containsExactly("Quick Partner",
					"Fresh Partner", "Slow Partner"));
	}

	@Test
	void aProfileChangeIsSearchableAtOnce() {
		BusinessProfile profile = partner("Alpine Systems", "HU", tags("Retail", "Northwind ERP"));
		assertThat(search("healthcare")).isEmpty();

		this.profiles.update(profile,
				new ProfileChanges("Alpine Health", null, null, null, List.of("Healthcare"), null, null, null, null));

		assertThat(names(search("healthcare"))).containsExactly("Alpine Health");
		assertThat(search("retail")).isEmpty();

		Location only = profile.locations().get(0);
		this.businessProfiles.removeLocation(TestProfiles.admin(profile.organizationId()), profile.id(), only.id());
		this.publications.awaitCompleted(profile.id());

		assertThat(search("healthcare")).as("without a location nobody can contact it").isEmpty();
	}

	@Test
	void resultsComeInPagesAndShowTheirTopTagsSearchedForFirst() {
		for (int i = 0; i < MarketplaceQuery.PAGE_SIZE + 3; i++) {
			partner("Partner " + (char) ('A' + i), "HU", tags("Retail", "Northwind ERP"));
		}

		SearchResults first = this.marketplace
			.search(new MarketplaceQuery(this.word, null, null, null, null, null, null, 1));
		SearchResults second = this.marketplace
			.search(new MarketplaceQuery(this.word, null, null, null, null, null, null, 2));

		assertThat(first.total()).isEqualTo(MarketplaceQuery.PAGE_SIZE + 3);
		assertThat(first.results()).hasSize(MarketplaceQuery.PAGE_SIZE);
		assertThat(first.hasNext()).isTrue();
		assertThat(second.results()).hasSize(3);
		assertThat(second.hasNext()).isFalse();
		SearchResults filtered = this.marketplace
			.search(new MarketplaceQuery(this.word, "Retail", null, null, null, null, null, 1));
		assertThat(filtered.results().get(0).topTags()).startsWith("Retail").contains("Northwind ERP");
	}

	private List<SearchResults.Result> search(String keywords) {
		return search(keywords, query -> query);
	}

	private List<SearchResults.Result> search(String keywords, java.util.function.UnaryOperator<QueryBuilder> filters) {
		QueryBuilder query = filters.apply(new QueryBuilder((this.word + " " + keywords).strip()));
		return this.marketplace.search(query.build()).results();
	}

	private BusinessProfile partner(String name, String country, Expertise expertise) {
		return this.profiles.listed(partner(name), name, expertise, location(name, country));
	}

	private void sized(String name, CompanySize... sizes) {
		this.profiles.listed(partner(name), name, tags("Retail", "Dynamics 365"), Set.of(sizes), location(name, "HU"));
	}

	private Organization partner(String name) {
		return this.organizations.registerPartner(this.vendor.id(), name);
	}

	/** Industries and products by their catalogue names, and this test's word. */
	private Expertise tags(String industry, String product) {
		return new Expertise(List.of(industry), List.of(product), List.of(), List.of(this.word));
	}

	private static List<String> names(List<SearchResults.Result> results) {
		return results.stream().map(result -> result.card().name()).toList();
	}

	private static List<String> ids(List<SearchResults.Result> results) {
		return results.stream().map(result -> result.card().profileId().toString()).toList();
	}

	/** A query under construction. */
	private static final class QueryBuilder {

		private final String keywords;

		private String industry;

		private String product;

		private CompanySize size;

		private String country;

		private String city;

		QueryBuilder(String keywords) {
			this.keywords = keywords;
		}

		QueryBuilder industry(String industry) {
			this.industry = industry;
			return this;
		}

		QueryBuilder product(String product) {
			this.product = product;
			return this;
		}

		QueryBuilder size(CompanySize size) {
			this.size = size;
			return this;
		}

		QueryBuilder country(String country) {
			this.country = country;
			return this;
		}

		QueryBuilder city(String city) {
			this.city = city;
			return this;
		}

		MarketplaceQuery build() {
			return new MarketplaceQuery(this.keywords, this.industry, this.product, null, this.size, this.country,
					this.city, 1);
		}

	}

}
