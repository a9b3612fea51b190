package org.leadrelay.crm;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Collectors;

import org.leadrelay.crm.client.Account;
import org.leadrelay.crm.client.OpportunityState;
import org.leadrelay.crm.client.Stage;
import org.leadrelay.referral.Address;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.Substatus;

/**
 * What a lead's opportunity should say: the deal's name, value, currency and purchase
 * date, its notes followed by the deal team, the lead's LeadRelay id as the reference,
 * and open, won or lost as the lead is.
 */
final class Opportunities {

	private Opportunities() {
	}

	static OpportunityState of(Referral lead) {
		Money value = lead.dealValue();
		return new OpportunityState(lead.name() != null ? lead.name() : lead.customer().name(),
				value == null ? null : value.amount(), value == null ? null : value.currency().getCurrencyCode(),
				lead.closingAt() == null ? null : LocalDate.ofInstant(lead.closingAt(), ZoneOffset.UTC),
				description(lead), lead.id().toString(), stage(lead.substatus()));
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
