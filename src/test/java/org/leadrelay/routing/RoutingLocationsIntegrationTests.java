package org.leadrelay.routing;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.leadrelay.partner.BusinessProfile;
import org.leadrelay.partner.BusinessProfiles;
import org.leadrelay.partner.Expertise;
import org.leadrelay.partner.Location;
import org.leadrelay.partner.LocationDetails;
import org.leadrelay.partner.Organization;
import org.leadrelay.partner.Organizations;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.MutableClock;
import org.leadrelay.testing.TestProfiles;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing's copy of the partner locations (V168) is exact: a location is recommended from
 * the moment it is added and no longer once removed, and the responsiveness job restores
 * a copy that went missing or stale, scores included.
 */
@IntegrationTest
class RoutingLocationsIntegrationTests {

	@Autowired
	Organizations organizations;

	@Autowired
	BusinessProfiles businessProfiles;

	@Autowired
	TestProfiles profiles;

	@Autowired
	Recommendations recommendations;

	@Autowired
	ResponsivenessRepository responsiveness;

	@Autowired
	ResponsivenessJob job;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void aLocationIsRecommendedOnceAddedAndNoMoreOnceRemoved() {
		Organization vendor = this.organizations.registerVendor("Copy Vendor");
		Organization partner = this.organizations.registerPartner(vendor.id(), "Copy Partner");
		BusinessProfile profile = this.profiles.listed(partner, "Copy Partner", Expertise.NONE,
				new LocationDetails("Copy Budapest", "Fő utca 1", null, "Budapest", "HU", null, List.of()));
		Location listed = profile.locations().get(0);
		Location other = this.organizations.addLocation(partner.id(), "Copy Vienna", "Vienna", "AT", List.of());
		assertThat(recommended(vendor)).containsExactly(listed.name(), other.name());

		this.businessProfiles.removeLocation(TestProfiles.admin(partner.id()), profile.id(), listed.id());

		assertThat(recommended(vendor)).containsExactly(other.name());
		assertThat(copy(vendor.id())).isEqualTo(views(vendor.id()));
	}

	@Test
	void theResponsivenessJobRestoresAMissingOrStaleCopy() {
		Organization vendor = this.organizations.registerVendor("Restored Vendor");
		for (int p = 0; p < 3; p++) {
			Organization partner = this.organizations.registerPartner(vendor.id(), "Restored Partner " + p);
			this.organizations.addLocation(partner.id(), "Office", "City", List.of("HU", "us", "XX").get(p), List.of());
			this.responsiveness.saveAll(
					List.of(new ResponsivenessScore(partner.id(), 4, p, Duration.ofHours(p + 1), 0.25 * (p + 1))),
					this.clock.instant());
		}
		List<String> views = views(vendor.id());
		assertThat(copy(vendor.id())).hasSize(3).isEqualTo(views);
		assertThat(this.jdbc.sql("select region from routing_location where vendor_id = ? order by country_code")
			.param(vendor.id().value())
			.query(String.class)
			.list()).as("HU, us, XX").containsExactly("EMEA", "AMERICAS", null);

		this.jdbc.sql("update routing_location set score = 0.99 where vendor_id = ? and country = 'HU'")
			.param(vendor.id().value())
			.update();
		this.jdbc.sql("delete from routing_location where vendor_id = ? and country <> 'HU'")
			.param(vendor.id().value())
			.update();
		this.clock.advance(Duration.ofMinutes(10));
		this.job.refresh();

		// these partners have no referrals: the job finds them without history
		assertThat(copy(vendor.id())).isEqualTo(views(vendor.id())).isNotEqualTo(views);
		assertThat(this.jdbc.sql("select count(*) from routing_location where vendor_id = ? and score is null")
			.param(vendor.id().value())
			.query(Integer.class)
			.single()).isEqualTo(3);
	}

	private List<String> recommended(Organization vendor) {
		Caller caller = new Caller(Caller.Kind.API_CLIENT, "client:copy", "Vendor CRM", vendor.id(),
				OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
		return this.recommendations
			.recommend(caller, new RecommendationQuery(List.of(), List.of(), List.of(), "HU", null))
			.stream()
			.map(Recommendation::locationName)
			.toList();
	}

	private List<String> copy(OrganizationId vendor) {
		return this.jdbc.sql("""
				select concat_ws('|', organization_id, location_id, partner_name, name, city, country, country_code,
				    answered, expired, median_response_seconds, score)
				from routing_location where vendor_id = ? order by 1""")
			.param(vendor.value())
			.query(String.class)
			.list();
	}

	/** What the copy holds, from the partner module's views and the scores. */
	private List<String> views(OrganizationId vendor) {
		return this.jdbc.sql("""
				select concat_ws('|', l.organization_id, l.id, o.name, l.name, l.city, l.country, upper(l.country),
				    s.answered, s.expired, s.median_response_seconds, s.score)
				from partner_location_v l join partner_organization_v o on o.id = l.organization_id
				left join partner_responsiveness s on s.organization_id = l.organization_id
				where o.vendor_id = ? order by 1""").param(vendor.value()).query(String.class).list();
	}

}
