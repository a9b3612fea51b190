package org.leadrelay.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.leadrelay.identity.UserContact;
import org.leadrelay.identity.UserDirectory;
import org.leadrelay.partner.Location;
import org.leadrelay.referral.Actor;
import org.leadrelay.referral.Address;
import org.leadrelay.referral.Consent;
import org.leadrelay.referral.Customer;
import org.leadrelay.referral.DealDetails;
import org.leadrelay.referral.LostReason;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.NewReferral;
import org.leadrelay.referral.PastOutcome;
import org.leadrelay.referral.Qualification;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.ReferralProperties;
import org.leadrelay.referral.ReferralType;
import org.leadrelay.referral.Requirements;
import org.leadrelay.referral.Source;
import org.leadrelay.referral.TeamMember;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.CompanySize;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * About sixty demo referrals over the demo locations, in every type and stage, with
 * histories that happened over the last months: some customers asked to be contacted,
 * some referrals are about to expire. They go through the aggregate like real ones, at
 * back-dated times, but publish no events (nobody is notified about demo history).
 */
@Component
class DemoReferrals {

	private static final Logger log = LoggerFactory.getLogger(DemoReferrals.class);

	private static final String[][] CUSTOMERS = { { "Alpine Dairy Kft.", "Debrecen", "HU" },
			{ "Danube Logistics Zrt.", "Győr", "HU" }, { "Puszta Foods Bt.", "Szeged", "HU" },
			{ "Balaton Hotels Kft.", "Siófok", "HU" }, { "Cascade Outfitters", "Tacoma", "US" },
			{ "Rainier Health Partners", "Bellevue", "US" }, { "Pike Street Retail", "Seattle", "US" },
			{ "Evergreen Manufacturing", "Everett", "US" }, { "Wiener Stadtwerke Service GmbH", "Vienna", "AT" },
			{ "Tirol Kliniken Verbund", "Innsbruck", "AT" }, { "Salzach Maschinenbau AG", "Salzburg", "AT" },
			{ "Grazer Apotheken OG", "Graz", "AT" } };

	private static final String[] CONTACTS = { "Eszter Nagy", "Péter Tóth", "Julia Weber", "Tom Becker", "Lisa Moreno",
			"David Chen", "Katalin Varga", "Markus Gruber" };

	private static final String[] NEEDS = { "Replace spreadsheets with an ERP for 3 warehouses",
			"CRM for a 40-person sales team, with Outlook integration", "Analytics dashboards for management reporting",
			"Migrate from an on-premises ERP before support ends", "Online shop connected to inventory",
			"Patient intake and scheduling for 5 clinics" };

	private static final String[] PRODUCTS = { "Northwind ERP", "Northwind CRM", "Northwind Analytics" };

	private static final String[] INDUSTRIES = { "Manufacturing", "Retail", "Healthcare", "Public sector" };

	private static final Qualification[] QUALIFICATIONS = Qualification.values();

	/**
	 * Sizes of the demo customers; some carry an older band, as referrals from before the
	 * current ones do.
	 */
	private static final CompanySize[] SIZES = { CompanySize.EMPLOYEES_10_TO_50, CompanySize.EMPLOYEES_51_TO_250,
			CompanySize.EMPLOYEES_251_TO_1000, CompanySize.EMPLOYEES_1001_TO_5000, CompanySize.EMPLOYEES_51_TO_500 };

	private final ReferralManagement referrals;

	private final ReferralProperties properties;

	private final Clock clock;

	private final UserDirectory users;

	DemoReferrals(ReferralManagement referrals, ReferralProperties properties, Clock clock, UserDirectory users) {
		this.referrals = referrals;
		this.properties = properties;
		this.clock = clock;
		this.users = users;
	}

	/**
	 * After the demo users exist: their names are on the referrals they sent and
	 * answered.
	 */
	void seed(DemoProgram demo) {
		Random random = new Random(42);
		Instant now = this.clock.instant();
		Senders senders = new Senders(demoUser(demo.vendor(), Role.VENDOR_SELLER),
				demoUser(demo.vendor(), Role.VENDOR_MARKETING));
		int count = 0;
		for (Location location : demo.locations()) {
			Actor partner = demoUser(location.organizationId(), Role.REFERRALS_ADMIN);
			for (Stage stage : Stage.values()) {
				for (int i = 0; i < stage.perLocation; i++) {
					seed(demo.vendor(), location, senders, partner, stage, count++, i, random, now);
				}
			}
		}
		log.info("Demo data: created {} referrals", count);
	}

	private Actor demoUser(OrganizationId organization, Role role) {
		UserContact user = this.users.withAnyRole(organization, Set.of(role))
			.stream()
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No demo user with role " + role));
		return new Actor(Caller.USER_PREFIX + user.id(), user.displayName(), Source.UI);
	}

	private void seed(OrganizationId vendor, Location location, Senders senders, Actor partner, Stage stage, int n,
			int i, Random random, Instant now) {
		String[] customer = CUSTOMERS[n % CUSTOMERS.length];
		Qualification qualification = QUALIFICATIONS[n % QUALIFICATIONS.length];
		Instant received = stage.receivedAt(now, i, random, this.properties.responseWindow());
		boolean contactRequested = stage == Stage.RECEIVED_CONTACT_REQUESTED || n % 7 == 0;
		String product = PRODUCTS[n % PRODUCTS.length];
		String need = NEEDS[n % NEEDS.length];
		String contact = CONTACTS[n % CONTACTS.length];
		String[] names = contact.split(" ");
		Customer buyer = new Customer(customer[0], Address.of(null, null, customer[1], null, null, customer[2]),
				SIZES[n % SIZES.length],
				List.of(TeamMember.of("customerProfile/team/0", names[0], names[1], "+36 1 555 01" + (10 + n % 90),
						names[0].toLowerCase(Locale.ROOT) + "@" + customer[0].split(" ")[0].toLowerCase(Locale.ROOT)
								+ ".example")));
		Money estimate = qualification == Qualification.Direct ? null
				: Money.of(BigDecimal.valueOf(5_000L + random.nextInt(90) * 1_000L),
						location.country().equals("US") ? "USD" : "EUR");
		NewReferral spec = new NewReferral(location.id(), qualification, ReferralType.Independent,
				qualification == Qualification.Direct ? null : product + " for " + customer[0], null, buyer,
				new Consent(true, n % 3 == 0),
				new Requirements(List.of(INDUSTRIES[n % INDUSTRIES.length]), List.of(product),
						List.of("Implementation"), List.of()),
				need, estimate, estimate == null ? null : received.plus(Duration.ofDays(90)), contactRequested,
				qualification == Qualification.Direct ? null : "Customer met us at the " + customer[1] + " roadshow");
		Actor sender = switch (qualification) {
			case Direct -> new Actor("customer", contact, Source.UI);
			case MarketingQualified -> senders.marketing();
			case SalesQualified -> senders.seller();
		};
		this.referrals.recordPast(spec, location.organizationId(), vendor, sender, received,
				outcome(received, stage, n, product, customer[0], need, location, partner, random));
	}

	private PastOutcome outcome(Instant received, Stage stage, int n, String product, String customer, String need,
			Location location, Actor partner, Random random) {
		if (stage == Stage.EXPIRED) {
			return new PastOutcome.Expired();
		}
		if (!stage.isAnswered()) {
			return new PastOutcome.Unanswered();
		}
		Instant answered = received
			.plus(Stage.withinWindow(Duration.ofHours(3 + random.nextInt(60)), this.properties.responseWindow()));
		if (stage == Stage.DECLINED) {
			return new PastOutcome.Declined(n % 2 == 0 ? "NotOurExpertise" : "NoCapacity",
					"Outside what we do this quarter", partner, answered);
		}
		DealDetails deal = DealDetails.of(product + " for " + customer,
				Money.of(BigDecimal.valueOf(10_000L + random.nextInt(200) * 500L),
						location.country().equals("US") ? "USD" : "EUR"),
				answered.plus(Duration.ofDays(60)), need, null, null);
		Instant closed = answered.plus(Duration.ofDays(10 + random.nextInt(30)));
		PastOutcome.Closing closing = switch (stage) {
			case WON -> new PastOutcome.Won(closed);
			case LOST -> new PastOutcome.Lost(LostReason.values()[n % LostReason.values().length], closed);
			default -> null;
		};
		return new PastOutcome.Accepted(deal, partner, answered, closing);
	}

	/** The vendor staff who send the demo's qualified leads. */
	private record Senders(Actor seller, Actor marketing) {
	}

	/** Demo stages, how many of each per location, and when they came in. */
	private enum Stage {

		RECEIVED(3), RECEIVED_CONTACT_REQUESTED(2), RECEIVED_EXPIRING(2), ACCEPTED(4), WON(3), LOST(2), DECLINED(2),
		EXPIRED(2);

		private static final Duration DEFAULT_WINDOW = Duration.ofDays(14);

		private final int perLocation;

		Stage(int perLocation) {
			this.perLocation = perLocation;
		}

		boolean isAnswered() {
			return this == ACCEPTED || this == WON || this == LOST || this == DECLINED;
		}

		Instant receivedAt(Instant now, int i, Random random, Duration window) {
			return switch (this) {
				case RECEIVED -> now.minus(withinWindow(Duration.ofHours(6 + random.nextInt(24 * 8)), window));
				// one fresh request (urgent) and one older than 72 hours (the calmer
				// reminder)
				case RECEIVED_CONTACT_REQUESTED -> now.minus(withinWindow(Duration.ofHours(i == 0 ? 5 : 100), window));
				case RECEIVED_EXPIRING -> now.minus(window).plus(withinWindow(Duration.ofHours(10 + 20 * i), window));
				case EXPIRED -> now.minus(window).minus(Duration.ofDays(5 + random.nextInt(40)));
				default -> now.minus(Duration.ofDays(30 + random.nextInt(120)));
			};
		}

		/**
		 * A time span of the default 14-day window, shrunk in proportion when a shorter
		 * window is configured (someone trying expiry out with seconds), so that open
		 * referrals are still open and answers come before their window ended.
		 */
		static Duration withinWindow(Duration span, Duration window) {
			if (window.compareTo(DEFAULT_WINDOW) >= 0) {
				return span;
			}
			return Duration.ofNanos((long) (span.toNanos() * ((double) window.toNanos() / DEFAULT_WINDOW.toNanos())));
		}

	}

}
