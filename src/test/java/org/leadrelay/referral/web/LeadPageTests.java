package org.leadrelay.referral.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.Source;
import org.leadrelay.referral.TimelineEntry;
import org.leadrelay.referral.TimelineEntry.FieldChange;
import org.leadrelay.referral.web.LeadPage.Amount;
import org.leadrelay.referral.web.LeadPage.Change;
import org.leadrelay.referral.web.LeadPage.TimelineRow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline's changes carry typed values for the page to format: amounts in the
 * currency they were in at the time, purchase dates as days.
 */
class LeadPageTests {

	final ReferralId id = new ReferralId(UUID.randomUUID());

	@Test
	void eachAmountKeepsTheCurrencyItWasInThen() {
		List<TimelineEntry> entries = List.of(entry("received", Map.of("substatus", change(null, "Received"))),
				entry("accepted",
						Map.of("substatus", change("Received", "Accepted"), "details/dealValue",
								change("25000.00", "12500000.00"), "details/closingDateTime",
								change(null, "2027-03-31T00:00:00Z"))),
				entry("edited",
						Map.of("details/dealValue", change("12500000.00", "40000.00"), "details/currency",
								change("HUF", "EUR"))),
				entry("edited", Map.of("details/dealValue", change("40000.00", "45000.50"))));

		List<TimelineRow> rows = TimelineRow.of(entries, Money.of(new BigDecimal("45000.50"), "EUR"));

		assertThat(rows.get(0).changes()).containsExactly(new Change("substatus", "stage", null, "Received"));
		assertThat(rows.get(1).changes()).containsExactly(
				new Change("details/closingDateTime", "day", null, Instant.parse("2027-03-31T00:00:00Z")),
				new Change("details/dealValue", "money", amount("25000.00", "HUF"), amount("12500000.00", "HUF")),
				new Change("substatus", "stage", "Received", "Accepted"));
		assertThat(rows.get(2).changes()).containsExactly(new Change("details/currency", "text", "HUF", "EUR"),
				new Change("details/dealValue", "money", amount("12500000.00", "HUF"), amount("40000.00", "EUR")));
		assertThat(rows.get(3).changes()).containsExactly(
				new Change("details/dealValue", "money", amount("40000.00", "EUR"), amount("45000.50", "EUR")));
	}

	@Test
	void aValueRecordedInAnotherFormIsShownAsRecorded() {
		List<TimelineRow> rows = TimelineRow.of(
				List.of(entry("edited",
						Map.of("details/closingDateTime", change("soon", "2027-03-31T00:00:00Z"), "details/dealValue",
								change("1000.00", "2000.00"), "customerProfile/team/0", change(null, "Eszter Nagy")))),
				null);

		assertThat(rows.get(0).changes()).containsExactly(
				new Change("customerProfile/team", "people", null, "Eszter Nagy"),
				new Change("details/closingDateTime", "text", "soon", "2027-03-31T00:00:00Z"),
				new Change("details/dealValue", "text", "1000.00", "2000.00"));
	}

	private TimelineEntry entry(String action, Map<String, FieldChange> changes) {
		return new TimelineEntry(1, this.id, Instant.parse("2026-12-02T21:45:00Z"), "user:anna", "Anna", Source.UI,
				action, changes);
	}

	private static FieldChange change(String from, String to) {
		return new FieldChange(from, to);
	}

	private static Amount amount(String amount, String currency) {
		return new Amount(new BigDecimal(amount), Currency.getInstance(currency));
	}

}
