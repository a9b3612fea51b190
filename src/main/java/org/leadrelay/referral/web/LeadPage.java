package org.leadrelay.referral.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.Location;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.TeamMember;
import org.leadrelay.referral.TimelineEntry;
import org.leadrelay.referral.TimelineEntry.FieldChange;

/**
 * Everything the lead page shows, and which of the seed's actions it offers: Accept and
 * Decline while Received, Edit, Add team member, Mark won and Mark lost while Accepted,
 * none once archived. Only the receiving partner acts; the vendor reads.
 *
 * @param location where the lead was sent
 * @param partnerName the partner organization that received it
 * @param timeLeft for a lead awaiting a response, the time left to respond; null
 * otherwise
 * @param windowOver Received, but the response window is over: the expiry sweep archives
 * it soon
 * @param contactUrgent the customer asked to be contacted, recently enough to be urgent
 * @param partner whether the viewer's organization owns the record and so acts on it: the
 * receiving partner of a lead, the owner of a deal or invitation (the vendor too, for its
 * co-sell invitations)
 */
record LeadPage(Referral referral, boolean favorite, @Nullable Location location, String partnerName,
		@Nullable TimeLeft timeLeft, boolean windowOver, boolean contactUrgent, boolean partner,
		List<TimelineRow> timeline) {

	private static final String VALUE = "details/dealValue";

	private static final String CURRENCY = "details/currency";

	/** Where the page is: co-sell deals and invitations live beside the leads. */
	public String path() {
		return path(this.referral);
	}

	static String path(Referral referral) {
		return (referral.engagement().isCoSell() ? LeadListParams.DEALS : LeadListParams.LEADS) + "/" + referral.id();
	}

	/** Time is left to respond only while the referral awaits a response. */
	public boolean canRespond() {
		return this.partner && this.timeLeft != null;
	}

	public boolean canWork() {
		return this.partner && this.referral.isWorkable();
	}

	/**
	 * Names of people as the timeline recorded them (the English way, several joined by
	 * commas), each in the order of the reader's language when it is one of the lead's
	 * customer contacts or team members: Hungarian puts the family name first. Anyone
	 * else, such as a user's display name, stays as recorded.
	 */
	public String personNames(String recorded, Locale locale) {
		List<TeamMember> people = new ArrayList<>(this.referral.customer().contacts());
		people.addAll(this.referral.team());
		return Arrays.stream(recorded.split(", "))
			.map(name -> people.stream()
				.filter(person -> person.fullName().equals(name))
				.findFirst()
				.map(person -> person.fullName(locale))
				.orElse(name))
			.collect(Collectors.joining(", "));
	}

	/**
	 * One timeline entry, with its changes keyed for translation and their values typed
	 * for formatting.
	 */
	record TimelineRow(Instant occurredAt, String actorName, boolean byCustomer, String source, String action,
			List<Change> changes) {

		/**
		 * The rows of a referral's timeline, oldest first. A value change names no
		 * currency unless the currency changed with it, so each entry's currency is
		 * worked out backwards from the referral's own.
		 */
		static List<TimelineRow> of(List<TimelineEntry> entries, @Nullable Money value) {
			List<TimelineRow> rows = new ArrayList<>();
			@Nullable String currency = value == null ? null : value.currency().getCurrencyCode();
			for (int i = entries.size() - 1; i >= 0; i--) {
				TimelineEntry entry = entries.get(i);
				boolean byCustomer = "customer".equals(entry.actorId());
				// entries from before V103 carry an English label of their own
				String name = byCustomer ? entry.actorName().replaceFirst(" \\(customer\\)$", "") : entry.actorName();
				FieldChange currencyChange = entry.changes().get(CURRENCY);
				String to = currencyChange == null ? currency : currencyChange.to();
				String from = currencyChange == null ? currency : currencyChange.from();
				rows.add(0,
						new TimelineRow(entry.occurredAt(), name, byCustomer, entry.source().name(), entry.action(),
								entry.changes()
									.entrySet()
									.stream()
									.sorted(Map.Entry.comparingByKey())
									.map(change -> Change.of(change.getKey(), change.getValue(), from, to))
									.toList()));
				currency = from;
			}
			return rows;
		}

	}

	/**
	 * A changed field with its values as the page formats them: an amount with its
	 * currency, a calendar day, a stage or plain text.
	 *
	 * @param field the API name of the changed field, without list positions
	 * ({@code customerProfile/team})
	 * @param kind {@code stage}, {@code salesStage}, {@code dealType}, {@code money},
	 * {@code day}, {@code people} (names, see {@link LeadPage#personNames}) or
	 * {@code text}
	 * @param from the value before: a {@link Amount} for money, an {@link Instant} for a
	 * day, else text
	 */
	record Change(String field, String kind, @Nullable Object from, @Nullable Object to) {

		static Change of(String key, FieldChange change, @Nullable String fromCurrency, @Nullable String toCurrency) {
			String field = key.replaceAll("/\\d+$", "");
			try {
				switch (field) {
					case "substatus":
						return new Change(field, "stage", change.from(), change.to());
					case "salesStage", "dealType":
						// names of a co-sell deal's stage or type, translated by the page
						return new Change(field, field, change.from(), change.to());
					case VALUE:
						return new Change(field, "money", Amount.of(change.from(), fromCurrency),
								Amount.of(change.to(), toCurrency));
					case "team", "customerProfile/team":
						return new Change(field, "people", change.from(), change.to());
					case "details/closingDateTime":
						return new Change(field, "day", change.from() == null ? null : Instant.parse(change.from()),
								change.to() == null ? null : Instant.parse(change.to()));
					default:
						return text(field, change);
				}
			}
			catch (IllegalArgumentException | DateTimeParseException ex) {
				// a value recorded in a form this page does not know is shown as recorded
				return text(field, change);
			}
		}

		private static Change text(String field, FieldChange change) {
			return new Change(field, "text", change.from(), change.to());
		}

	}

	/** An amount of a timeline entry, with the currency it was in then. */
	record Amount(BigDecimal amount, Currency currency) {

		static @Nullable Amount of(@Nullable String amount, @Nullable String currency) {
			if (amount == null) {
				return null;
			}
			if (currency == null) {
				throw new IllegalArgumentException("An amount without a currency");
			}
			return new Amount(new BigDecimal(amount), Currency.getInstance(currency));
		}

	}

}
