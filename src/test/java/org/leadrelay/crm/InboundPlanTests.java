package org.leadrelay.crm;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.leadrelay.crm.client.OpportunityField;
import org.leadrelay.crm.client.OpportunityState;
import org.leadrelay.crm.client.Stage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a change read from the CRM means for the lead, comparing what the CRM held, what
 * it holds now and what the lead says.
 */
class InboundPlanTests {

	static final OpportunityState HELD = state(new BigDecimal("30000"), "EUR", LocalDate.parse("2027-04-30"),
			Stage.OPEN);

	@Test
	void whatOnlyTheCrmChangedIsApplied() {
		OpportunityState crm = state(new BigDecimal("40000"), "EUR", LocalDate.parse("2027-05-31"), Stage.WON);

		InboundPlan plan = InboundPlan.of(HELD, crm, HELD);

		assertThat(plan.toApply()).containsExactlyInAnyOrder(OpportunityField.AMOUNT, OpportunityField.CLOSE_DATE,
				OpportunityField.STAGE);
		assertThat(plan.held()).isEqualTo(crm);
	}

	@Test
	void leadRelaysOwnChangeComingBackIsNoChange() {
		OpportunityState lead = state(new BigDecimal("40000"), "EUR", LocalDate.parse("2027-04-30"), Stage.WON);

		InboundPlan plan = InboundPlan.of(lead, lead, lead);

		assertThat(plan.isEmpty()).isTrue();
	}

	@Test
	void whatBothChangedKeepsTheLeadsValueButRemembersTheCrms() {
		OpportunityState crm = state(new BigDecimal("40000"), "EUR", LocalDate.parse("2027-04-30"), Stage.OPEN);
		OpportunityState lead = state(new BigDecimal("50000"), "EUR", LocalDate.parse("2027-04-30"), Stage.OPEN);

		InboundPlan plan = InboundPlan.of(HELD, crm, lead);

		assertThat(plan.changed()).containsExactly(OpportunityField.AMOUNT);
		assertThat(plan.toApply()).isEmpty();
		assertThat(plan.held().amount()).isEqualByComparingTo("40000");
	}

	@Test
	void whatTheCrmDoesNotSayIsNoChange() {
		OpportunityState crm = state(null, null, null, Stage.OPEN);

		assertThat(InboundPlan.of(HELD, crm, HELD).isEmpty()).isTrue();
		assertThat(InboundPlan.heldAfter(HELD, crm)).isEqualTo(HELD);
	}

	private static OpportunityState state(BigDecimal amount, String currency, LocalDate closeDate, Stage stage) {
		return new OpportunityState("ERP", amount, currency, closeDate, "Notes", "0196f0c2", null, stage);
	}

}
