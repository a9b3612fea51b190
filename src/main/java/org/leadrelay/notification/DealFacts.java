package org.leadrelay.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.leadrelay.notification.MailComposer.Fact;
import org.leadrelay.platform.web.LocaleFormats;
import org.leadrelay.referral.Address;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.Referral;

/**
 * The lines of a mail about a co-sell deal: the customer, the deal's value and close
 * date; for the invited organization the request and note of the inviter and the answer
 * deadline, for the inviter the stage and reason of the answer.
 */
class DealFacts {

	private final NoticeTexts texts;

	DealFacts(NoticeTexts texts) {
		this.texts = texts;
	}

	List<Fact> of(Notice notice, String location, LocaleFormats formats) {
		Locale locale = formats.locale();
		Referral referral = notice.referral();
		NoticeDetails details = notice.details();
		Address address = referral.customer().address();
		List<Fact> facts = new ArrayList<>();
		facts.add(fact("customer", referral.customer().name() + ", " + formats.address(address.addressLine1(),
				address.addressLine2(), address.postalCode(), address.city(), address.state(), address.country()),
				locale));
		facts.add(fact("location", location, locale));
		Money value = referral.dealValue();
		if (value != null) {
			facts.add(fact("dealValue", formats.money(value.amount(), value.currency()), locale));
		}
		if (referral.closingAt() != null) {
			facts.add(fact("closing", formats.day(referral.closingAt()), locale));
		}
		if (notice.audience() == Audience.INVITED) {
			String assistance = referral.attributes().assistanceRequestCode();
			if (assistance != null) {
				facts.add(fact("assistance", named("mail.assistance." + assistance, assistance, locale), locale));
			}
			if (referral.inviteNotes() != null) {
				facts.add(fact("inviteNotes", referral.inviteNotes(), locale));
			}
			facts.add(fact("expires", formats.dateTimeWithZone(referral.expiresAt()), locale));
		}
		if (details.stage() != null) {
			facts.add(fact("stage", this.texts.message("mail.stage." + details.stage().name(), null, locale), locale));
		}
		if (details.reason() != null) {
			facts.add(fact("reason", named("mail.reason." + details.reason(), details.reason(), locale), locale));
		}
		return facts;
	}

	/** A code's name in the reader's language, the code itself for one without. */
	private String named(String key, String code, Locale locale) {
		return this.texts.messages().getMessage(key, null, code, locale);
	}

	private Fact fact(String field, String value, Locale locale) {
		return new Fact(this.texts.message("mail.field." + field, null, locale), value);
	}

}
