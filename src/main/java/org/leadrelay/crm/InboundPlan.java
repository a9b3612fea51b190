package org.leadrelay.crm;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.leadrelay.crm.client.OpportunityField;
import org.leadrelay.crm.client.OpportunityState;

/**
 * What a change read from the CRM means for a lead: a three-way comparison of what the
 * CRM held when last synced, what it holds now, and what the lead says now. Only the
 * value, currency, purchase date, a deal's sales stage and open/won/lost come back from
 * the CRM. A field the CRM changed is applied if the lead still says what the CRM held
 * (otherwise both changed it: the lead's value stands and is sent to the CRM). What the
 * CRM holds now is kept either way; a change LeadRelay itself made comes back equal to
 * it, and so is not applied again.
 *
 * @param changed the fields the CRM changed since the last sync
 * @param toApply those of them to apply to the lead
 */
record InboundPlan(Set<OpportunityField> changed, Set<OpportunityField> toApply, OpportunityState held) {

	static final Set<OpportunityField> INBOUND = EnumSet.of(OpportunityField.AMOUNT, OpportunityField.CURRENCY,
			OpportunityField.CLOSE_DATE, OpportunityField.SALES_STAGE, OpportunityField.STAGE);

	/**
	 * @param held what the CRM held when last synced
	 * @param crm what it holds now (null values are not known)
	 * @param lead what the lead says now
	 */
	static InboundPlan of(OpportunityState held, OpportunityState crm, OpportunityState lead) {
		Set<OpportunityField> changed = EnumSet.noneOf(OpportunityField.class);
		Set<OpportunityField> toApply = EnumSet.noneOf(OpportunityField.class);
		for (OpportunityField field : INBOUND) {
			Object now = crm.value(field);
			Object before = held.value(field);
			if (now != null && !now.equals(before)) {
				changed.add(field);
				if (Objects.equals(lead.value(field), before)) {
					toApply.add(field);
				}
			}
		}
		return new InboundPlan(changed, toApply, held.with(crm, changed));
	}

	/** What the CRM holds after the change, whether it was applied to the lead or not. */
	static OpportunityState heldAfter(OpportunityState held, OpportunityState crm) {
		return of(held, crm, held).held();
	}

	boolean isEmpty() {
		return this.changed.isEmpty();
	}

}
