package org.leadrelay.referral.web;

import java.util.Currency;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.Referral;

/**
 * Accepting a lead (the seed's "Next"): the deal, required, and a contact at the
 * customer, optional.
 */
record AcceptForm(@Valid DealForm deal, @Valid ContactForm contact) {

	/** A post without any deal or contact field binds them empty, not null. */
	AcceptForm {
		deal = deal == null ? DealForm.EMPTY : deal;
		contact = contact == null ? ContactForm.EMPTY : contact;
	}

	static AcceptForm of(Referral lead, Currency defaultCurrency) {
		return new AcceptForm(DealForm.of(lead, defaultCurrency), ContactForm.EMPTY);
	}

	static @Nullable String field(String target) {
		String contact = ContactForm.field(target);
		if (contact != null) {
			return contact;
		}
		String deal = DealForm.field(target);
		return deal == null ? null : "deal." + deal;
	}

}
