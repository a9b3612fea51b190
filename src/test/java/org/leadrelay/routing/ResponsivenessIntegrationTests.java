package org.leadrelay.routing;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.leadrelay.referral.ExpirySweep;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.ReferralProperties;
import org.leadrelay.referral.Source;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.MutableClock;
import org.leadrelay.testing.ReferralSpecs;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scores as the job stores and reads them back: a partner that let every lead expire has
 * no median response time (it answered none), so its speed counts as 0 and it scores
 * below neutral.
 */
@IntegrationTest
class ResponsivenessIntegrationTests {

	@Autowired
	TestProgram programs;

	@Autowired
	ReferralManagement management;

	@Autowired
	ReferralProperties referrals;

	@Autowired
	ExpirySweep expiry;

	@Autowired
	MutableClock clock;

	@Autowired
	ResponsivenessRefresh refresh;

	@Autowired
	Responsiveness responsiveness;

	@Test
	void aPartnerThatLetEveryLeadExpireHasNoMedianAndScoresBelowNeutral() {
		Program program = this.programs.create();
		Caller vendor = new Caller(Caller.Kind.API_CLIENT, "client:vendor", "Vendor CRM", program.vendor().id(),
				OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
		this.management.send(vendor, ReferralSpecs.qualified(program.budapest()), Source.API);
		this.management.send(vendor, ReferralSpecs.qualified(program.budapest()), Source.API);
		this.clock.advance(this.referrals.responseWindow().plus(Duration.ofMinutes(1)));
		this.expiry.run();

		this.refresh.run();

		ResponsivenessScore score = this.responsiveness.of(program.contoso().id());
		assertThat(score.answered()).isZero();
		assertThat(score.expired()).isEqualTo(2);
		assertThat(score.medianResponseTime()).isNull();
		assertThat(score.score()).isLessThan(ResponsivenessScore.NEUTRAL);
	}

}
