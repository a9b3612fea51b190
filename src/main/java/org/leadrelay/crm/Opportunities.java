package org.leadrelay.crm;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;

import org.leadrelay.crm.client.Account;
import org.leadrelay.crm.client.OpportunityState;
import org.leadrelay.crm.client.Stage;
import org.leadrelay.referral.Address;
import org.leadrelay.referral.DealStage;
import org.leadrelay.referral.DealType;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.Substatus;

/**
 * What a lead's opportunity should say: the deal's name, value, currency and purchase
 * date, its notes followed by the deal team, the lead's LeadRelay id as the reference,
 * and open, won or lost as the lead is. A co-sell deal (a partner's own, or an accepted
 * invitation) also says its deal type in the description and, while open, its sales stage
 * as the connection's mapping names it.
 */
final class Opportunities {

	/** Deal types as the Referrals reference names them to people. */
	private static final Map<DealType, String> DEAL_TYPES = Map.of(DealType.PartnerLed, "Partner-led", DealType.CoSell,
			"Co-sell", DealType.PartnerToPartner, "Partner-to-partner", DealType.Private, "Private");

	private Opportunities() {
	}

	static OpportunityState of(Referral lead, FieldMapping mapping) {
		Money value = lead.dealValue();
		DealStage dealStage = lead.stage();
		String salesStage = dealStage == null || lead.substatus() != Substatus.Accepted ? null
				: mapping.stages().crmStage(dealStage);
		return new OpportunityState(lead.name() != null ? lead.name() : lead.customer().name(),
				value == null ? null : value.amount(), value == null ? null : value.currency().getCurrencyCode(),
				lead.closingAt() == null ? null : LocalDate.ofInstant(lead.closingAt(), ZoneOffset.UTC),
				description(lead), lead.id().toString(), salesStage, stage(lead.substatus()));
	}

	/**
	 * What the CRM says of the opportunity, as far as it concerns the lead: the sales
	 * stage only for co-sell deals (a lead's opportunity keeps whatever stage the CRM's
	 * users give it while it is open).
	 */
	static OpportunityState read(Referral lead, OpportunityState crm) {
		return lead.engagement().isCoSell() ? crm : crm.withSalesStage(null);
	}

	static Account account(Referral lead) {
		Address address = lead.customer().address();
		return new Account(lead.customer().name(), address.postalCode(), address.city(), address.country());
	}

	/** Accepted leads are open deals; only deals ({@link Referral#isDeal()}) have one. */
	static Stage stage(Substatus substatus) {
		return switch (substatus) {
			case Accepted -> Stage.OPEN;
			case Won -> Stage.WON;
			case Lost -> Stage.LOST;
			case Received, Declined, Expired ->
				throw new IllegalArgumentException("A " + substatus + " lead has no opportunity");
		};
	}

	private static String description(Referral lead) {
		String notes = lead.notes() == null ? "" : lead.notes();
		DealType type = lead.engagement().dealType();
		if (type != null) {
			notes = (notes + "\n\nDeal type: " + DEAL_TYPES.get(type)).strip();
		}
		if (lead.team().isEmpty()) {
			return notes;
		}
		String team = lead.team()
			.stream()
			.map(member -> member.fullName() + " <" + member.email().value() + ">"
					+ (member.phoneNumber() == null ? "" : " " + member.phoneNumber()))
			.collect(Collectors.joining(", "));
		return (notes + "\n\nDeal team: " + team).strip();
	}

}
