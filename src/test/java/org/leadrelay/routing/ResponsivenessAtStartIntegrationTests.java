package org.leadrelay.routing;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.leadrelay.partner.Organizations;
import org.leadrelay.referral.PartnerResponses;
import org.leadrelay.referral.ReferralStatistics;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LeadRelay started in demo mode: the start seeds leads that the demo partners answered,
 * and the responsiveness scores are there as soon as the application is ready, not one
 * refresh interval later (tests push the schedule a year out, and nothing here runs the
 * job). A context of its own, closed afterwards: the shared one starts on an empty
 * database.
 */
@IntegrationTest
@TestPropertySource(properties = "leadrelay.demo.enabled=true")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ResponsivenessAtStartIntegrationTests {

	@Autowired
	Responsiveness responsiveness;

	@Autowired
	ReferralStatistics statistics;

	@Autowired
	RoutingProperties properties;

	@Autowired
	Clock clock;

	@Autowired
	Organizations organizations;

	@Autowired
	Recommendations recommendations;

	@Autowired
	MessageSource messages;

	@Autowired
	MeterRegistry meters;

	@Test
	void everyPartnerThatAnsweredLeadsHasItsScoreOnceTheApplicationIsReady() {
		List<PartnerResponses> history = history();

		assertThat(this.responsiveness.withHistory()).extracting(ResponsivenessScore::organizationId)
			.containsExactlyInAnyOrderElementsOf(history.stream().map(PartnerResponses::organizationId).toList());
		for (PartnerResponses partner : history) {
			ResponsivenessScore score = this.responsiveness.of(partner.organizationId());
			assertThat(score.hasHistory()).isTrue();
			assertThat(score.answered()).isEqualTo(partner.answered());
			assertThat(score.expired()).isEqualTo(partner.expired());
		}
		// through the clustered job, under its lock and in its metric
		assertThat(this.meters.get("leadrelay.jobs.runs")
			.tags("job", "responsiveness-refresh", "outcome", "completed")
			.timer()
			.count()).isEqualTo(1);
	}

	@Test
	void recommendationsToTheDemoVendorShowItsPartnersHistory() {
		OrganizationId partner = history().get(0).organizationId();
		OrganizationId vendor = this.organizations.find(partner).orElseThrow().vendorId();
		Caller vendorAdmin = new Caller(Caller.Kind.API_CLIENT, "client:demo-vendor", "Demo vendor CRM", vendor,
				OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
		String noHistory = this.messages.getMessage("recommendation.noResponseHistory", null,
				LocaleContextHolder.getLocale());

		List<Recommendation> recommended = this.recommendations.recommend(vendorAdmin,
				new RecommendationQuery(List.of(), List.of(), List.of(), null, null));

		assertThat(recommended).isNotEmpty()
			.extracting(Recommendation::explanation)
			.noneMatch(explanation -> explanation.contains(noHistory));
	}

	/** What the demo's partners answered in the period, read from the referrals. */
	private List<PartnerResponses> history() {
		List<PartnerResponses> history = this.statistics
			.responsesSince(this.clock.instant().minus(this.properties.responsivenessPeriod()));
		assertThat(history).as("the demo's answered leads").isNotEmpty();
		return history;
	}

}
