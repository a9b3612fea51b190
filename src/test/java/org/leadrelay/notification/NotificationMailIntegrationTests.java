package org.leadrelay.notification;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.store.FolderException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.identity.UserAccounts;
import org.leadrelay.marketplace.Inquiries;
import org.leadrelay.marketplace.MarketplacePaths;
import org.leadrelay.marketplace.NewInquiry;
import org.leadrelay.partner.BusinessProfile;
import org.leadrelay.partner.CatalogueKind;
import org.leadrelay.partner.Expertise;
import org.leadrelay.partner.Location;
import org.leadrelay.partner.LocationDetails;
import org.leadrelay.partner.Organization;
import org.leadrelay.partner.Organizations;
import org.leadrelay.platform.OutboxRetries;
import org.leadrelay.referral.CustomerInquiries;
import org.leadrelay.referral.DealDetails;
import org.leadrelay.referral.ExpirySweep;
import org.leadrelay.referral.LostReason;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.NewReferral;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralEvent.ReferralExpired;
import org.leadrelay.referral.ReferralEvent.ReferralReceived;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.ReferralProperties;
import org.leadrelay.referral.ReferralsExpired;
import org.leadrelay.referral.ReferralsReceived;
import org.leadrelay.referral.Requirements;
import org.leadrelay.referral.Source;
import org.leadrelay.referral.TeamMember;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.EventPublications;
import org.leadrelay.testing.EventRecorder;
import org.leadrelay.testing.MailIntegrationTest;
import org.leadrelay.testing.MutableClock;
import org.leadrelay.testing.ReferralSpecs;
import org.leadrelay.testing.TestProfiles;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.ReceivedMail;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every notification over a real SMTP server (GreenMail): who gets which mail, in which
 * language, exactly once, also when the event is delivered twice, when sending fails and
 * is retried, and when the node that was sending died. The one test class with its own
 * application context (SMTP configured).
 */
@MailIntegrationTest
class NotificationMailIntegrationTests {

	static final String LOCATION_ALERTS = "leads@contoso.example";

	@Autowired
	GreenMail smtp;

	@Autowired
	TestProgram programs;

	@Autowired
	ReferralManagement management;

	@Autowired
	ReferralProperties referralProperties;

	@Autowired
	NotificationProperties notificationProperties;

	@Autowired
	CustomerInquiries inquiries;

	@Autowired
	Inquiries marketplaceInquiries;

	@Autowired
	TestProfiles profiles;

	@Autowired
	ExpirySweep expiry;

	@Autowired
	ExpiryReminders reminders;

	@Autowired
	OutboxRetries retries;

	@Autowired
	Organizations organizations;

	@Autowired
	UserAccounts users;

	@Autowired
	Notifications notifications;

	@Autowired
	NotificationPreferences preferences;

	@Autowired
	EventPublications publications;

	@Autowired
	EventRecorder events;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	Program program;

	String suffix;

	Person anna;

	Person bence;

	Person profileAdmin;

	Person fabrikamAdmin;

	Person seller;

	Person vendorAdmin;

	Caller vendorClient;

	Caller contosoClient;

	@BeforeEach
	void setUp() {
		forgetReceivedMail();
		this.program = this.programs.create();
		this.suffix = UUID.randomUUID().toString().substring(0, 8);
		this.anna = person(this.program.contoso(), "anna", "Anna Kovács", "hu", Role.REFERRALS_ADMIN);
		this.bence = person(this.program.contoso(), "bence", "Bence Szabó", "en", Role.REFERRALS_USER);
		this.profileAdmin = person(this.program.contoso(), "profile", "Petra Profile", "en",
				Role.BUSINESS_PROFILE_ADMIN);
		this.fabrikamAdmin = person(this.program.fabrikam(), "franz", "Franz Huber", "en", Role.REFERRALS_ADMIN);
		this.seller = person(this.program.vendor(), "seller", "Sam Seller", "en", Role.VENDOR_SELLER);
		this.vendorAdmin = person(this.program.vendor(), "admin", "Nadia Admin", "en", Role.VENDOR_ADMIN);
		this.vendorClient = new Caller(Caller.Kind.API_CLIENT, "client:" + this.program.vendorClient().clientId(),
				"Vendor CRM", this.program.vendor().id(), OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
		this.contosoClient = new Caller(Caller.Kind.API_CLIENT, "client:" + this.program.contosoClient().clientId(),
				"Contoso CRM", this.program.contoso().id(), OrganizationKind.PARTNER, Set.of(Role.REFERRALS_ADMIN));
	}

	@Test
	void aNewLeadGoesToTheLocationAndThePartnersReferralUsersOnce() {
		Referral referral = send(this.seller, ReferralSpecs.qualified(this.program.budapest()));

		List<ReceivedMail> mails = mailsAbout(referral);
		assertThat(mails).extracting(ReceivedMail::to)
			.containsExactlyInAnyOrder(this.anna.email(), this.bence.email(), LOCATION_ALERTS);
		ReceivedMail english = mailTo(mails, this.bence.email());
		assertThat(english.subject()).isEqualTo("New lead: Alpine Dairy Kft.");
		assertThat(english.text()).contains("Sam Seller sent you a lead", "Alpine Dairy Kft., Debrecen, Hungary",
				"Contoso Budapest", "Sales-qualified lead", "Needs an ERP", "/leads/" + referral.id());
		assertThat(english.html()).contains("<h1", "href=\"http://localhost:8080/leads/" + referral.id() + "\"");
		assertThat(english.text()).as("the deadline in the reader's language, with its zone")
			.containsPattern("Answer by: [A-Z][a-z]{2} \\d{1,2}, 20\\d\\d, \\d{1,2}:\\d\\d [AP]M UTC");
		assertThat(mailTo(mails, this.anna.email()).subject()).isEqualTo("Új érdeklődő: Alpine Dairy Kft.");
		assertThat(mailTo(mails, this.anna.email()).text())
			.containsPattern("Válaszhatáridő: 20\\d\\d\\. \\p{L}+\\. \\d{1,2}\\. \\d{1,2}:\\d\\d UTC");
		assertThat(mailTo(mails, LOCATION_ALERTS).subject()).as("Budapest is in Hungary").startsWith("Új érdeklődő");
		assertThat(this.notifications.latest(this.bence.caller(), PageRequest.ofSize(10), Locale.ENGLISH))
			.singleElement()
			.satisfies(notification -> {
				assertThat(notification.kind()).isEqualTo(NotificationKind.NEW_REFERRAL);
				assertThat(notification.referralId()).isEqualTo(referral.id());
				assertThat(notification.title()).isEqualTo("New lead: Alpine Dairy Kft.");
				assertThat(notification.read()).isFalse();
			});

		// The outbox delivers at least once: the same event again notifies nobody again.
		ReferralReceived received = this.events.of(ReferralReceived.class, List.of(referral.id())).get(0);
		this.transactions.executeWithoutResult(status -> this.publisher.publishEvent(received));
		this.publications.awaitCompleted(referral.id());

		assertThat(mailsAbout(referral)).hasSize(3);
		assertThat(this.notifications.unreadCount(this.anna.caller())).isEqualTo(1);
	}

	@Test
	void aCustomerWhoAskedToBeContactedIsAnnouncedAsWaiting() {
		Referral referral = send(this.vendorClient, ReferralSpecs.contactRequested(this.program.budapest()));

		List<ReceivedMail> mails = mailsAbout(referral);
		assertThat(mails).hasSize(3);
		assertThat(mailTo(mails, this.bence.email()).subject()).isEqualTo("The customer is waiting: Alpine Dairy Kft.");
		assertThat(mailTo(mails, this.anna.email()).subject()).isEqualTo("Az ügyfél várja a hívást: Alpine Dairy Kft.");
		assertThat(this.notifications.latest(this.anna.caller(), PageRequest.ofSize(10), Locale.ENGLISH))
			.extracting(InAppNotification::kind)
			.containsExactly(NotificationKind.CONTACT_REQUEST);
	}

	@Test
	void remindersGoOutThreeDaysAndOneDayBeforeExpiryOnce() {
		Referral waiting = send(this.vendorClient, ReferralSpecs.qualified(this.program.budapest()));
		Referral answered = send(this.vendorClient, ReferralSpecs.qualified(this.program.budapest()));
		this.management.accept(this.contosoClient, answered.id(), deal(), List.of(), Source.API, null);
		forgetReceivedMail();

		this.clock.advance(this.referralProperties.responseWindow().minusDays(3).plusMinutes(1));
		this.reminders.sendDue();
		assertThat(this.reminders.sendDue()).as("each reminder is sent once").isZero();
		this.publications.awaitCompleted(waiting.id());
		List<ReceivedMail> threeDays = mailsAbout(waiting);
		assertThat(threeDays).extracting(ReceivedMail::to)
			.containsExactlyInAnyOrder(this.anna.email(), this.bence.email(), LOCATION_ALERTS);
		assertThat(mailTo(threeDays, this.bence.email()).subject())
			.isEqualTo("Lead expires in 3 days: Alpine Dairy Kft.");
		assertThat(mailTo(threeDays, this.anna.email()).subject())
			.isEqualTo("Hamarosan lejár, még 3 nap van hátra: Alpine Dairy Kft.");

		this.clock.advance(Duration.ofDays(2));
		this.reminders.sendDue();
		this.publications.awaitCompleted(waiting.id());
		this.clock.advance(Duration.ofDays(2));
		this.reminders.sendDue();

		List<ReceivedMail> all = mailsAbout(waiting);
		assertThat(all).hasSize(6);
		assertThat(mailTo(all.subList(3, 6), this.bence.email()).subject())
			.isEqualTo("Lead expires in 1 day: Alpine Dairy Kft.");
		assertThat(mailsAbout(answered)).isEmpty();
	}

	@Test
	void aDeclinedLeadIsReportedToTheUserWhoSentIt() {
		Referral referral = send(this.seller, ReferralSpecs.qualified(this.program.budapest()));
		forgetReceivedMail();

		this.management.decline(this.contosoClient, referral.id(), "NoCapacity", "Fully booked until May", Source.API,
				null);
		this.publications.awaitCompleted(referral.id());

		ReceivedMail declined = mailsAbout(referral).stream().reduce((a, b) -> {
			throw new AssertionError("more than one mail: " + a + ", " + b);
		}).orElseThrow();
		assertThat(declined.to()).isEqualTo(this.seller.email());
		assertThat(declined.subject()).isEqualTo("Declined: Alpine Dairy Kft.");
		assertThat(declined.text()).contains(this.program.contoso().name() + " declined the lead", "No capacity",
				"Fully booked until May");
		assertThat(this.notifications.latest(this.seller.caller(), PageRequest.ofSize(10), Locale.ENGLISH))
			.extracting(InAppNotification::kind)
			.containsExactly(NotificationKind.REFERRAL_DECLINED);
	}

	@Test
	void outcomesOfALeadSentByAnApiClientGoToTheVendorAdmins() {
		Referral won = send(this.vendorClient, ReferralSpecs.qualified(this.program.budapest()));
		Referral lost = send(this.vendorClient, ReferralSpecs.qualified(this.program.budapest()));
		Referral expired = send(this.vendorClient, ReferralSpecs.qualified(this.program.budapest()));
		this.management.accept(this.contosoClient, won.id(), deal(), List.of(), Source.API, null);
		this.management.accept(this.contosoClient, lost.id(), deal(), List.of(), Source.API, null);
		forgetReceivedMail();

		this.management.markWon(this.contosoClient, won.id(), Source.API, null);
		this.management.markLost(this.contosoClient, lost.id(), LostReason.LostToCompetitor, Source.API, null);
		this.clock.advance(this.referralProperties.responseWindow());
		this.expiry.run();
		List.of(won, lost, expired).forEach(referral -> this.publications.awaitCompleted(referral.id()));

		assertThat(mailsAbout(won)).singleElement().satisfies(mail -> {
			assertThat(mail.to()).isEqualTo(this.vendorAdmin.email());
			assertThat(mail.subject()).isEqualTo("Won: Alpine Dairy Kft.");
			assertThat(mail.text()).contains("Deal value: €30,000").doesNotContain("€30,000.00");
		});
		assertThat(mailsAbout(lost)).singleElement().satisfies(mail -> {
			assertThat(mail.to()).isEqualTo(this.vendorAdmin.email());
			assertThat(mail.subject()).isEqualTo("Lost: Alpine Dairy Kft.");
			assertThat(mail.text()).contains("Lost to a competitor");
		});
		assertThat(mailsAbout(expired)).singleElement().satisfies(mail -> {
			assertThat(mail.to()).isEqualTo(this.vendorAdmin.email());
			assertThat(mail.subject()).isEqualTo("Expired: Alpine Dairy Kft.");
		});
	}

	@Test
	void theLeadsOfASenderThatExpireTogetherComeInOneMailInTheSendersLanguage() {
		// what other tests left unanswered expires first, so that these leads share a
		// batch
		this.clock.advance(this.referralProperties.responseWindow());
		this.expiry.run();
		Person gabor = person(this.program.vendor(), "gabor", "Gábor Eladó", "hu", Role.VENDOR_SELLER);
		List<Referral> samsLeads = List.of(send(this.seller, ReferralSpecs.qualified(this.program.budapest())),
				send(this.seller, ReferralSpecs.qualified(this.program.vienna())));
		List<Referral> gaborsLeads = List.of(send(gabor, ReferralSpecs.qualified(this.program.budapest())),
				send(gabor, ReferralSpecs.qualified(this.program.vienna())));
		List<ReferralId> ids = Stream.concat(samsLeads.stream(), gaborsLeads.stream()).map(Referral::id).toList();
		forgetReceivedMail();

		this.clock.advance(this.referralProperties.responseWindow());
		this.expiry.run();
		ids.forEach(this.publications::awaitCompleted);

		assertThat(mailTo(received(), this.seller.email())).satisfies(mail -> {
			assertThat(mail.subject()).isEqualTo("2 of your leads expired");
			assertThat(mail.text()).contains("Nobody at these partners accepted or declined your leads in time",
					"- Alpine Dairy Kft. (Contoso Budapest, " + this.program.contoso().name()
							+ ", Sales-qualified lead): http://localhost:8080/leads/" + samsLeads.get(0).id(),
					"- Alpine Dairy Kft. (Fabrikam Vienna, " + this.program.fabrikam().name()
							+ ", Sales-qualified lead): http://localhost:8080/leads/" + samsLeads.get(1).id(),
					"member of " + this.program.vendor().name());
			assertThat(mail.html()).contains("href=\"http://localhost:8080/leads/" + samsLeads.get(1).id() + "\"");
		});
		assertThat(mailTo(received(), gabor.email())).satisfies(mail -> {
			assertThat(mail.subject()).isEqualTo("2 érdeklődője lejárt");
			assertThat(mail.text()).contains("nem fogadta el és nem utasította el időben",
					"(Contoso Budapest, " + this.program.contoso().name()
							+ ", Értékesítés által minősített érdeklődő): http://localhost:8080/leads/"
							+ gaborsLeads.get(0).id(),
					"/leads/" + gaborsLeads.get(1).id());
		});
		assertThat(this.notifications.latest(this.seller.caller(), PageRequest.ofSize(10), Locale.ENGLISH))
			.as("in-app, one notice per lead")
			.extracting(InAppNotification::referralId, InAppNotification::title)
			.containsExactlyInAnyOrder(tuple(samsLeads.get(0).id(), "Expired: Alpine Dairy Kft."),
					tuple(samsLeads.get(1).id(), "Expired: Alpine Dairy Kft."));
		assertThat(this.notifications.latest(gabor.caller(), PageRequest.ofSize(10), Locale.forLanguageTag("hu")))
			.extracting(InAppNotification::title)
			.containsExactly("Lejárt: Alpine Dairy Kft.", "Lejárt: Alpine Dairy Kft.");

		// The outbox delivers at least once: the same batch again tells nobody again.
		ReferralsExpired batch = new ReferralsExpired(this.events.of(ReferralExpired.class, ids));
		this.transactions.executeWithoutResult(status -> this.publisher.publishEvent(batch));
		ids.forEach(this.publications::awaitCompleted);

		assertThat(received()).filteredOn(mail -> List.of(this.seller.email(), gabor.email()).contains(mail.to()))
			.hasSize(2);
		assertThat(this.notifications.unreadCount(this.seller.caller())).isEqualTo(2);
		assertThat(this.notifications.unreadCount(gabor.caller())).isEqualTo(2);
	}

	@Test
	void theNewLeadsOfAnImportChunkComeInOneMailPerPersonInTheirLanguage() {
		List<ReferralReceived> batch = new ArrayList<>();
		List<Referral> chunk = this.transactions.execute(status -> {
			List<Referral> sent = List.of(
					this.management.send(this.seller.caller(), ReferralSpecs.qualified(this.program.budapest()),
							Source.UI, batch),
					this.management.send(this.seller.caller(), ReferralSpecs.qualified(this.program.budapest()),
							Source.UI, batch),
					this.management.send(this.seller.caller(), ReferralSpecs.qualified(this.program.vienna()),
							Source.UI, batch));
			this.management.publishReceived(batch);
			return sent;
		});
		List<ReferralId> ids = chunk.stream().map(Referral::id).toList();
		ids.forEach(this.publications::awaitCompleted);

		assertThat(mailTo(received(), this.bence.email())).satisfies(mail -> {
			assertThat(mail.subject()).isEqualTo("2 new leads");
			assertThat(mail.text()).contains("New leads have arrived for you",
					"- Alpine Dairy Kft. (Contoso Budapest, Sales-qualified lead): http://localhost:8080/leads/"
							+ ids.get(0),
					"/leads/" + ids.get(1), "member of " + this.program.contoso().name());
			assertThat(mail.text()).doesNotContain(this.program.contoso().name() + ", Sales");
			assertThat(mail.html()).contains("href=\"http://localhost:8080/leads/" + ids.get(1) + "\"");
		});
		assertThat(mailTo(received(), this.anna.email()).subject()).isEqualTo("2 új érdeklődő");
		assertThat(mailTo(received(), this.anna.email()).text()).contains("Új érdeklődők érkeztek Önhöz");
		assertThat(mailTo(received(), LOCATION_ALERTS).subject()).as("Budapest is in Hungary")
			.isEqualTo("2 új érdeklődő");
		assertThat(mailTo(received(), this.fabrikamAdmin.email()).subject()).as("one lead: the mail about one")
			.isEqualTo("New lead: Alpine Dairy Kft.");
		assertThat(this.notifications.latest(this.bence.caller(), PageRequest.ofSize(10), Locale.ENGLISH))
			.as("in-app, one notice per lead")
			.extracting(InAppNotification::referralId, InAppNotification::title)
			.containsExactlyInAnyOrder(tuple(ids.get(0), "New lead: Alpine Dairy Kft."),
					tuple(ids.get(1), "New lead: Alpine Dairy Kft."));
		assertThat(this.jdbc.sql("select count(*) from expiry_reminder where referral_id = any(?::uuid[])")
			.param(ids.stream().map(id -> id.value().toString()).toArray(String[]::new))
			.query(Long.class)
			.single()).as("each lead's reminders planned")
			.isEqualTo(3L * this.notificationProperties.expiryReminders().size());

		// The outbox delivers at least once: the same chunk again tells nobody again.
		this.transactions.executeWithoutResult(status -> this.publisher.publishEvent(new ReferralsReceived(batch)));
		ids.forEach(this.publications::awaitCompleted);

		assertThat(received()).as("Bence, Anna, Budapest's alerts, Franz and Vienna's alerts, once").hasSize(5);
		assertThat(this.notifications.unreadCount(this.bence.caller())).isEqualTo(2);
	}

	@Test
	void aDeclinedInquiryTellsTheCustomerWhereElseToTurnAndNothingElse() {
		this.profiles.catalogue(this.program.vendor(), CatalogueKind.PRODUCT, "Northwind ERP", "Northwind CRM");
		BusinessProfile hajdu = listedPartner("Hajdú IT", "Debrecen", "HU", "Northwind ERP");
		BusinessProfile rainier = listedPartner("Rainier Apps", "Seattle", "US", "Northwind CRM");
		BusinessProfile tisza = listedPartner("Tisza Digital", "Szeged", "HU", "Northwind CRM");
		BusinessProfile danube = listedPartner("Danube Data", "Vienna", "AT", "Northwind ERP");
		String customer = "eszter." + this.suffix + "@customer.example";
		Referral inquiry = this.inquiries.inquire(this.program.budapest(), "Szegedi Pékség Bt.", "HU",
				TeamMember.of("contact", "Eszter", "Nagy", null, customer),
				new Requirements(List.of(), List.of("Northwind ERP"), List.of(), List.of()));
		this.publications.awaitCompleted(inquiry.id());
		forgetReceivedMail();

		this.management.decline(this.contosoClient, inquiry.id(), "NotOurExpertise", "Internal: too small for us",
				Source.API, null);
		this.publications.awaitCompleted(inquiry.id());

		assertThat(received()).singleElement().satisfies(mail -> {
			assertThat(mail.to()).isEqualTo(customer);
			assertThat(mail.subject()).isEqualTo("Megkeresése: " + this.program.contoso().name());
			// the customer's country and the inquiry's product first, then the country,
			// then the product
			assertThat(mail.text()).containsSubsequence("Kedves Nagy Eszter!",
					"- " + hajdu.details().name() + ", Debrecen, Magyarország: " + page(hajdu),
					"- " + tisza.details().name() + ", Szeged, Magyarország: " + page(tisza),
					"- " + danube.details().name() + ", Vienna, Ausztria: " + page(danube));
			assertThat(mail.html()).contains("href=\"" + page(hajdu) + "\"");
			for (String body : List.of(mail.text(), mail.html())) {
				assertThat(body).doesNotContain(rainier.details().name(), this.program.fabrikam().name(),
						"NotOurExpertise", "Nem a szakterületünk", "too small", "/leads/",
						this.program.vendor().name());
			}
		});
	}

	@Test
	void anExpiredInquiryTellsTheCustomerInEnglishOutsideHungary() {
		BusinessProfile danube = listedPartner("Danube Data", "Vienna", "AT", null);
		String customer = "lisa." + this.suffix + "@customer.example";
		Referral inquiry = this.inquiries.inquire(this.program.budapest(), "Pike Street Retail", "US",
				TeamMember.of("contact", "Lisa", "Moreno", null, customer));
		this.publications.awaitCompleted(inquiry.id());
		forgetReceivedMail();

		this.clock.advance(this.referralProperties.responseWindow());
		this.expiry.run();
		this.publications.awaitCompleted(inquiry.id());

		assertThat(received()).filteredOn(mail -> mail.to().equals(customer)).singleElement().satisfies(mail -> {
			assertThat(mail.subject()).isEqualTo("Your request to " + this.program.contoso().name());
			assertThat(mail.text()).contains("Dear Lisa Moreno,", "did not get back to you",
					danube.details().name() + ", Vienna, Austria: " + page(danube));
		});
	}

	@Test
	void inquiriesAlikeThatExpireTogetherEachPointToOtherPartnersThanTheirOwn() {
		BusinessProfile rainier = listedPartner("Rainier Apps", "Seattle", "US", null);
		BusinessProfile cascade = listedPartner("Cascade Cloud", "Portland", "US", null);
		String toRainier = "lisa." + this.suffix + "@customer.example";
		String toCascade = "omar." + this.suffix + "@customer.example";
		Referral first = this.inquiries.inquire(rainier.locations().get(0), "Pike Street Retail", "US",
				TeamMember.of("contact", "Lisa", "Moreno", null, toRainier));
		Referral second = this.inquiries.inquire(cascade.locations().get(0), "Pearl District Books", "US",
				TeamMember.of("contact", "Omar", "Haddad", null, toCascade));
		List.of(first, second).forEach(inquiry -> this.publications.awaitCompleted(inquiry.id()));
		forgetReceivedMail();

		// one sweep batch: the two ask the same (no topics, from the US) of the same
		// vendor
		this.clock.advance(this.referralProperties.responseWindow());
		this.expiry.run();
		List.of(first, second).forEach(inquiry -> this.publications.awaitCompleted(inquiry.id()));

		assertThat(received()).filteredOn(mail -> mail.to().equals(toRainier)).singleElement().satisfies(mail -> {
			assertThat(mail.text()).contains(cascade.details().name() + ", Portland, United States: " + page(cascade));
			assertThat(mail.text()).doesNotContain(page(rainier));
		});
		assertThat(received()).filteredOn(mail -> mail.to().equals(toCascade)).singleElement().satisfies(mail -> {
			assertThat(mail.text()).contains(rainier.details().name() + ", Seattle, United States: " + page(rainier));
			assertThat(mail.text()).doesNotContain(page(cascade));
		});
	}

	@Test
	void aCustomerWhoseTwoInquiriesExpireTogetherHearsOfEachByItself() {
		BusinessProfile rainier = listedPartner("Rainier Apps", "Seattle", "US", null);
		BusinessProfile cascade = listedPartner("Cascade Cloud", "Portland", "US", null);
		String customer = "lisa." + this.suffix + "@customer.example";
		List<Referral> inquiries = List.of(
				this.inquiries.inquire(rainier.locations().get(0), "Pike Street Retail", "US",
						TeamMember.of("contact", "Lisa", "Moreno", null, customer)),
				this.inquiries.inquire(cascade.locations().get(0), "Pike Street Retail", "US",
						TeamMember.of("contact", "Lisa", "Moreno", null, customer)));
		inquiries.forEach(inquiry -> this.publications.awaitCompleted(inquiry.id()));
		forgetReceivedMail();

		// one sweep batch, one recipient: still a mail per inquiry, not a list
		this.clock.advance(this.referralProperties.responseWindow());
		this.expiry.run();
		inquiries.forEach(inquiry -> this.publications.awaitCompleted(inquiry.id()));

		assertThat(received()).filteredOn(mail -> mail.to().equals(customer))
			.extracting(ReceivedMail::subject)
			.containsExactlyInAnyOrder("Your request to " + rainier.details().name(),
					"Your request to " + cascade.details().name());

		// The outbox delivers at least once: the same batch again mails them no more.
		List<ReferralId> ids = inquiries.stream().map(Referral::id).toList();
		ReferralsExpired batch = new ReferralsExpired(this.events.of(ReferralExpired.class, ids));
		this.transactions.executeWithoutResult(status -> this.publisher.publishEvent(batch));
		ids.forEach(this.publications::awaitCompleted);
		assertThat(received()).filteredOn(mail -> mail.to().equals(customer)).hasSize(2);
	}

	@Test
	void anInquiryIsConfirmedInTheCustomersLanguageWithAPrivateLinkToItsStatus() {
		String customer = "pek." + this.suffix + "@customer.example";

		Referral inquiry = inquireInSzeged(new NewInquiry("Szegedi Pékség Bt.", null, "HU", "Eszter", "Nagy", customer,
				null, "Pénztárgép és készlet", List.of(), true, false), Locale.forLanguageTag("hu"));
		this.publications.awaitCompleted(inquiry.id());

		ReceivedMail confirmation = mailTo(received(), customer);
		assertThat(confirmation.subject()).isEqualTo("Megkeresése megérkezett: " + this.program.contoso().name());
		assertThat(confirmation.text()).contains("Kedves Nagy Eszter!", "A(z) Contoso Szeged megkapta",
				"http://localhost:8080/marketplace/inquiries/");
		String link = confirmation.text()
			.replaceAll("(?s).*(http://localhost:8080/marketplace/inquiries/\\S+).*", "$1");
		assertThat(link).as("the status page in the customer's language").endsWith("?lang=hu");
		assertThat(confirmation.html()).contains("href=\"" + link + "\"");
		assertThat(mailTo(mailsAbout(inquiry), this.anna.email()).text()).as("labelled in the reader's language")
			.contains("Nagy Eszter (ügyfél)")
			.doesNotContain("(customer)");
		assertThat(confirmation.text() + confirmation.html()).doesNotContain("/leads/", "Pénztárgép");
		assertThat(mailsAbout(inquiry)).extracting(ReceivedMail::to)
			.as("the partner hears of the new lead as before")
			.contains(this.anna.email(), this.bence.email());
		assertThat(this.jdbc.sql("select count(*) from marketplace_inquiry where token_hash = ?")
			.param(link.substring(link.lastIndexOf('/') + 1, link.indexOf('?')))
			.query(Long.class)
			.single()).as("only a hash of the token is kept").isZero();
	}

	@Test
	void laterMailsToACustomerSpeakTheLanguageOfTheirInquiryRatherThanOfTheirCountry() {
		String customer = "julia." + this.suffix + "@customer.example";
		Referral inquiry = inquireInSzeged(new NewInquiry("Tisza Pékség Kft.", null, "HU", "Júlia", "Tóth", customer,
				null, "A new till", List.of(), true, false), Locale.ENGLISH);
		this.publications.awaitCompleted(inquiry.id());
		assertThat(mailTo(received(), customer).text()).contains("?lang=en");
		forgetReceivedMail();

		this.management.decline(this.contosoClient, inquiry.id(), "NotOurExpertise", null, Source.API, null);
		this.publications.awaitCompleted(inquiry.id());

		assertThat(mailTo(received(), customer)).satisfies(mail -> {
			assertThat(mail.subject()).isEqualTo("Your request to " + this.program.contoso().name());
			assertThat(mail.text()).contains("Dear Júlia Tóth,");
		});
	}

	/**
	 * An inquiry sent from the marketplace page of Contoso's Szeged location, listed for
	 * this test, in the language of the customer's form.
	 */
	private Referral inquireInSzeged(NewInquiry inquiry, Locale language) {
		BusinessProfile contoso = this.profiles.listed(this.program.contoso(), "Contoso " + this.suffix, Expertise.NONE,
				TestProfiles.location("Contoso Szeged", "HU"));
		Location szeged = contoso.locations()
			.stream()
			.filter(location -> location.name().equals("Contoso Szeged"))
			.findFirst()
			.orElseThrow();
		return this.marketplaceInquiries.submit(contoso.id(), szeged.id(), inquiry,
				"192.0.2." + ThreadLocalRandom.current().nextInt(1, 255), language);
	}

	@Test
	void aUserWhoTurnedAKindOffGetsItInAppOnly() {
		this.preferences.setEmail(this.bence.caller(), NotificationKind.NEW_REFERRAL, false);
		assertThat(this.preferences.emailSettings(this.bence.caller())).isEqualTo(Map.of(NotificationKind.NEW_REFERRAL,
				false, NotificationKind.CONTACT_REQUEST, true, NotificationKind.EXPIRY_REMINDER, true,
				NotificationKind.DEAL_INVITED, true, NotificationKind.DEAL_ACCEPTED, true,
				NotificationKind.DEAL_DECLINED, true, NotificationKind.DEAL_EXPIRED, true, NotificationKind.DEAL_WON,
				true, NotificationKind.DEAL_LOST, true));

		Referral referral = send(this.vendorClient, ReferralSpecs.qualified(this.program.budapest()));

		assertThat(mailsAbout(referral)).extracting(ReceivedMail::to)
			.containsExactlyInAnyOrder(this.anna.email(), LOCATION_ALERTS);
		assertThat(this.notifications.unreadCount(this.bence.caller())).isEqualTo(1);
	}

	@Test
	void aListenerThatFailsIsRetriedWithBackoffAndDeliversOnce() {
		this.smtp.stop();
		Referral referral = sendWithoutWaiting();
		this.publications.awaitFailed(referral.id());
		this.smtp.start();

		this.retries.retryDue();
		assertThat(attemptsOfNotificationListener(referral)).as("the backoff is not over").isEqualTo(1);
		this.clock.advance(Duration.ofMinutes(2));
		this.retries.retryDue();
		this.publications.awaitCompleted(referral.id());

		assertThat(mailsAbout(referral)).extracting(ReceivedMail::to)
			.containsExactlyInAnyOrder(this.anna.email(), this.bence.email(), LOCATION_ALERTS);
	}

	@Test
	void whatADeadNodeLeftInFlightIsRetriedOnceStale() {
		this.smtp.stop();
		Referral referral = sendWithoutWaiting();
		this.publications.awaitFailed(referral.id());
		// As if the node had died mid-send, before recording anything.
		this.jdbc.sql("update event_publication set status = 'PROCESSING' where serialized_event like ?")
			.param("%" + referral.id() + "%")
			.update();
		this.smtp.start();

		this.retries.retryDue();
		assertThat(attemptsOfNotificationListener(referral)).as("not stale yet").isEqualTo(1);
		this.clock.advance(Duration.ofMinutes(11));
		this.retries.retryDue();
		this.publications.awaitCompleted(referral.id());

		assertThat(mailsAbout(referral)).hasSize(3);
	}

	private Referral send(Person sender, NewReferral spec) {
		return send(sender.caller(), spec);
	}

	private Referral send(Caller sender, NewReferral spec) {
		Referral referral = this.management.send(sender, spec, Source.UI);
		this.publications.awaitCompleted(referral.id());
		return referral;
	}

	private Referral sendWithoutWaiting() {
		return this.management.send(this.vendorClient, ReferralSpecs.qualified(this.program.budapest()), Source.API);
	}

	private int attemptsOfNotificationListener(Referral referral) {
		return this.jdbc
			.sql("select completion_attempts from event_publication "
					+ "where listener_id = 'notification.referral-receipts' and serialized_event like ?")
			.param("%" + referral.id() + "%")
			.query(Integer.class)
			.single();
	}

	private List<ReceivedMail> mailsAbout(Referral referral) {
		return received().stream().filter(mail -> mail.text().contains("/leads/" + referral.id())).toList();
	}

	private void forgetReceivedMail() {
		try {
			this.smtp.purgeEmailFromAllMailboxes();
		}
		catch (FolderException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<ReceivedMail> received() {
		return Arrays.stream(this.smtp.getReceivedMessages()).map(ReceivedMail::of).toList();
	}

	private static ReceivedMail mailTo(List<ReceivedMail> mails, String recipient) {
		return mails.stream().filter(mail -> mail.to().equals(recipient)).reduce((a, b) -> {
			throw new AssertionError(recipient + " got more than one mail");
		}).orElseThrow(() -> new AssertionError("No mail to " + recipient + " among " + mails));
	}

	/**
	 * Another partner of the program, in the marketplace with a location and maybe a
	 * product.
	 */
	private BusinessProfile listedPartner(String name, String city, String country, String product) {
		Organization partner = this.organizations.registerPartner(this.program.vendor().id(), name + " " + this.suffix);
		return this.profiles.listed(partner, partner.name(),
				new Expertise(List.of(), product == null ? List.of() : List.of(product), List.of(), List.of()),
				new LocationDetails(name + " " + city, "Fő utca 1", null, city, country, null, List.of()));
	}

	private static String page(BusinessProfile profile) {
		return "http://localhost:8080" + MarketplacePaths.location(profile.id(), profile.locations().get(0).id());
	}

	private Person person(Organization organization, String name, String displayName, String locale, Role role) {
		String email = name + "." + this.suffix + "@" + organization.name().split(" ")[0].toLowerCase(Locale.ROOT)
				+ ".example";
		UUID id = this.users.create(organization.id(), email, displayName, "secret", Set.of(role));
		this.jdbc.sql("update app_user set locale = ? where id = ?").params(locale, id).update();
		return new Person(email, new Caller(Caller.Kind.USER, "user:" + id, displayName, organization.id(),
				organization.kind(), Set.of(role)));
	}

	private static DealDetails deal() {
		return DealDetails.of("Alpine Dairy ERP", Money.of(new BigDecimal("30000"), "EUR"),
				Instant.parse("2027-04-30T00:00:00Z"), "Three warehouses", null, null);
	}

	record Person(String email, Caller caller) {
	}

}
