package org.leadrelay.notification;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.TeamMember;
import org.leadrelay.shared.PersonName;

/**
 * The words a notice fills into its texts ({@code {0}} to {@code {7}} of the
 * {@code mail/messages} subjects, headlines and intros). An in-app notification stores
 * them, not its title, so that the title is written in its reader's language when shown.
 *
 * @param sender who sent the lead; for a customer, given and family name apart (see
 * {@link #personName}), written in the reader's order when shown
 * @param sentByCustomer whether the sender is the customer of an inquiry, whom the texts
 * label as such in the reader's language
 * @param timeLeft until a reminded referral expires
 * @param deal the name of a co-sell deal; empty for a lead
 * @param counterpart the other organization of a deal: who invited, or who answered
 * @param stage the name of the {@code DealStage} the invited side is at, written in the
 * reader's language when shown; empty if none
 */
record NoticeArguments(String customer, String location, String partner, String sender, boolean sentByCustomer,
		@Nullable Duration timeLeft, String deal, String counterpart, String stage) {

	/** What a notice about a lead fills in. */
	NoticeArguments(String customer, String location, String partner, String sender, boolean sentByCustomer,
			@Nullable Duration timeLeft) {
		this(customer, location, partner, sender, sentByCustomer, timeLeft, "", "", "");
	}

	private static final String BY_CUSTOMER = "customer";

	/** Between the given and the family name of a customer sender. */
	private static final String NAME_PARTS = "\t";

	/**
	 * A customer's name kept in parts, so that each reader gets their language's order.
	 */
	static String personName(TeamMember contact) {
		return Objects.toString(contact.firstName(), "") + NAME_PARTS + Objects.toString(contact.lastName(), "");
	}

	/**
	 * The sender in the order of the reader's language; a customer's name stored whole
	 * (before names were kept in parts) as it was.
	 */
	String sender(Locale locale) {
		String[] parts = this.sender.split(NAME_PARTS, -1);
		return parts.length == 2 ? new PersonName(parts[0], parts[1]).in(locale) : this.sender;
	}

	/**
	 * As stored with a notification: nine texts, the time left in whole minutes (rows
	 * from before deals have the first six).
	 */
	List<String> stored() {
		return List.of(this.customer, this.location, this.partner, this.sender, this.sentByCustomer ? BY_CUSTOMER : "",
				this.timeLeft == null ? "" : Long.toString(this.timeLeft.toMinutes()), this.deal, this.counterpart,
				this.stage);
	}

	/** Read back from {@link #stored()}; null for another shape (a changed format). */
	static @Nullable NoticeArguments ofStored(List<String> stored) {
		if (stored.size() != 6 && stored.size() != 9) {
			return null;
		}
		String minutes = stored.get(5);
		boolean deal = stored.size() == 9;
		return new NoticeArguments(stored.get(0), stored.get(1), stored.get(2), stored.get(3),
				BY_CUSTOMER.equals(stored.get(4)),
				minutes.isEmpty() ? null : Duration.ofMinutes(Long.parseLong(minutes)), deal ? stored.get(6) : "",
				deal ? stored.get(7) : "", deal ? stored.get(8) : "");
	}

}
