package org.leadrelay.referral;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.leadrelay.referral.ReferralEvent.ReferralUpdated;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Referrals API attributes a referral keeps for integrations: changed while it is
 * open, recorded like every change, and left alone once it is archived.
 */
class ReferralAttributesTests {

	static final Instant NOW = ReferralTests.T0.plusSeconds(3600);

	static final ReferralAttributes STAGED = new ReferralAttributes(SalesStage.Develop, "Co-sell", null, null, "7-ABC",
			null, null, List.of("erp", "erp", "priority"), List.of(Map.of("crmId", "ACC-1")), null, true, List.of(),
			null);

	@Test
	void anOpenReferralsAttributesChangeAndTheTimelineSaysWhich() {
		Referral referral = ReferralTests.received();

		referral.updateAttributes(STAGED, ReferralTests.PARTNER, NOW);

		assertThat(referral.attributes()).isEqualTo(STAGED);
		assertThat(referral.attributes().tags()).containsExactly("erp", "priority");
		assertThat(referral.pendingTimeline()).singleElement().satisfies(entry -> {
			assertThat(entry.action()).isEqualTo("attributesChanged");
			assertThat(entry.changes()).containsOnlyKeys("salesStage", "referralProgram", "trackingInfo/microsoftMsxId",
					"tags", "customerProfile/ids", "consent/consentToShareReferralWithMicrosoftSellers");
		});
		assertThat(referral.pendingEvents()).last().isInstanceOf(ReferralUpdated.class);
	}

	@Test
	void theSameAttributesAreNoChange() {
		Referral referral = ReferralTests.in(Substatus.Accepted);
		referral.updateAttributes(STAGED, ReferralTests.PARTNER, NOW);
		referral.markPersisted(referral.version() + 1);

		referral.updateAttributes(STAGED, ReferralTests.PARTNER, NOW.plusSeconds(1));

		assertThat(referral.pendingTimeline()).isEmpty();
	}

	@Test
	void anArchivedReferralKeepsItsAttributes() {
		Referral referral = ReferralTests.in(Substatus.Won);

		assertThatThrownBy(() -> referral.updateAttributes(STAGED, ReferralTests.PARTNER, NOW))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo(ErrorCode.CONFLICT));
		assertThat(referral.attributes()).isEqualTo(ReferralAttributes.NONE);
	}

	@Test
	void attributesAreBounded() {
		assertThatThrownBy(() -> new ReferralAttributes(null, "x".repeat(101), null, null, null, null, null, List.of(),
				List.of(), null, null, List.of(), null))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.target()).isEqualTo("referralProgram"));
		assertThatThrownBy(() -> new ReferralAttributes(null, null, null, null, null, null, null,
				java.util.Collections.nCopies(51, "tag"), List.of(), null, null, List.of(), null))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.target()).isEqualTo("tags"));
	}

}
