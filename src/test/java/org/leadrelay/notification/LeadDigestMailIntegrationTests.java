package org.leadrelay.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.identity.UserAccounts;
import org.leadrelay.partner.Organization;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.Source;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.EventPublications;
import org.leadrelay.testing.MailIntegrationTest;
import org.leadrelay.testing.MutableClock;
import org.leadrelay.testing.ReferralSpecs;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.ReceivedMail;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily digest of new leads over a real SMTP server (GreenMail): held while a user is
 * on it, sent once at 08:00 in the user's zone, also when the job runs twice at once, and
 * the default that puts a user who never chose on it above 10 new leads a day.
 */
@MailIntegrationTest
class LeadDigestMailIntegrationTests {

	static final ZoneId BUDAPEST = ZoneId.of("Europe/Budapest");

	@Autowired
	GreenMail smtp;

	@Autowired
	TestProgram programs;

	@Autowired
	ReferralManagement management;

	@Autowired
	UserAccounts users;

	@Autowired
	NotificationPreferences preferences;

	@Autowired
	Notifications notifications;

	@Autowired
	SentMails sentMails;

	@Autowired
	LeadDigests digests;

	@Autowired
	EventPublications publications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	Program program;

	String suffix;

	Person anna;

	Person bence;

	Person seller;

	Person vendorAdmin;

	@BeforeEach
	void setUp() throws FolderException {
		this.smtp.purgeEmailFromAllMailboxes();
		this.program = this.programs.create();
		this.suffix = UUID.randomUUID().toString().substring(0, 8);
		this.anna = person(this.program.contoso(), "anna", "Anna Kovács", "hu", Role.REFERRALS_ADMIN);
		this.jdbc.sql("update app_user set time_zone = ? where email = ?")
			.params(BUDAPEST.getId(), this.anna.email())
			.update();
		this.bence = person(this.program.contoso(), "bence", "Bence Szabó", "en", Role.REFERRALS_USER);
		this.seller = person(this.program.vendor(), "seller", "Sam Seller", "en", Role.VENDOR_SELLER);
		this.vendorAdmin = person(this.program.vendor(), "admin", "Nadia Admin", "en", Role.VENDOR_ADMIN);
	}

	@Test
	void aUserOnTheDigestGetsOneMailAt8InTheirZoneListingEveryLead() {
		this.preferences.chooseNewLeadMails(this.anna.caller(), NewLeadMails.DIGEST);
		this.preferences.chooseNewLeadMails(this.bence.caller(), NewLeadMails.DIGEST);
		// the next 08:00 in Budapest is before 08:00 UTC; leads arrive an hour before it
		Instant budapest8 = next(BUDAPEST);
		this.clock.advance(Duration.between(this.clock.instant(), budapest8.minus(Duration.ofHours(1))));
		List<Referral> leads = List.of(send(), send(), send());

		assertThat(mailsTo(this.anna)).as("no mail per lead").isEmpty();
		assertThat(mailsTo(this.bence)).isEmpty();
		assertThat(this.notifications.unreadCount(this.anna.caller())).as("in-app at once").isEqualTo(3);

		this.clock.advance(Duration.ofMinutes(59));
		this.digests.sendDue();
		assertThat(mailsTo(this.anna)).as("07:59 in Budapest").isEmpty();

		this.clock.advance(Duration.ofMinutes(1));
		this.digests.sendDue();
		this.digests.sendDue();
		assertThat(mailsTo(this.anna)).singleElement().satisfies(mail -> {
			assertThat(mail.subject()).isEqualTo("3 új érdeklődő");
			assertThat(mail.text()).contains("Alpine Dairy Kft.", "Contoso Budapest",
					"Értékesítés által minősített érdeklődő");
			leads.forEach(lead -> assertThat(mail.text()).contains("/leads/" + lead.id()));
			assertThat(mail.html()).contains("href=\"http://localhost:8080/leads/" + leads.get(0).id() + "\"");
		});
		assertThat(mailsTo(this.bence)).as("not 08:00 in UTC yet").isEmpty();

		this.clock.advance(Duration.between(this.clock.instant(), next(ZoneOffset.UTC)));
		this.digests.sendDue();
		assertThat(mailsTo(this.bence)).singleElement().satisfies(mail -> {
			assertThat(mail.subject()).isEqualTo("3 new leads");
			assertThat(mail.text()).contains("Sales-qualified lead");
			leads.forEach(lead -> assertThat(mail.text()).contains("/leads/" + lead.id()));
		});
		assertThat(mailsTo(this.anna)).hasSize(1);
		assertThat(this.sentMails.latest(this.vendorAdmin.caller(), PageRequest.ofSize(50))).as("on the sent-mail page")
			.anySatisfy(mail -> {
				assertThat(mail.recipient()).isEqualTo(this.bence.email());
				assertThat(mail.subject()).isEqualTo("3 new leads");
			});
	}

	@Test
	void aLaterLeadWaitsForTomorrowsDigestWhichTwoRunsAtOnceSendOnce() throws Exception {
		this.preferences.chooseNewLeadMails(this.anna.caller(), NewLeadMails.DIGEST);
		this.clock.advance(Duration.between(this.clock.instant(), next(BUDAPEST)));
		send();
		this.digests.sendDue();
		assertThat(mailsTo(this.anna)).hasSize(1);

		Referral later = send();
		this.digests.sendDue();
		assertThat(mailsTo(this.anna)).as("one digest a day").hasSize(1);

		this.clock.advance(Duration.ofDays(1));
		List<CompletableFuture<Integer>> runs = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			runs.add(CompletableFuture.supplyAsync(this.digests::sendDue));
		}
		for (CompletableFuture<Integer> run : runs) {
			run.get();
		}
		assertThat(mailsTo(this.anna)).hasSize(2).last().satisfies(mail -> {
			assertThat(mail.subject()).isEqualTo("1 új érdeklődő");
			assertThat(mail.text()).contains("/leads/" + later.id());
		});
	}

	@Test
	void aUserWhoNeverChoseGetsTheDigestAboveTenLeadsADayUnlessTheyChoseEachAtOnce() {
		this.preferences.chooseNewLeadMails(this.anna.caller(), NewLeadMails.EACH);
		List<Referral> leads = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			leads.add(send());
		}

		assertThat(mailsTo(this.bence)).as("the first 10 at once, then the digest").hasSize(10);
		assertThat(mailsTo(this.anna)).as("an explicit choice wins").hasSize(12);
		assertThat(this.preferences.newLeadMails(this.bence.caller())).as("still never chose").isEmpty();

		this.clock.advance(Duration.between(this.clock.instant(), next(ZoneOffset.UTC)));
		this.digests.sendDue();
		assertThat(mailsTo(this.bence)).hasSize(11).last().satisfies(mail -> {
			assertThat(mail.subject()).isEqualTo("2 new leads");
			assertThat(mail.text()).contains("/leads/" + leads.get(10).id(), "/leads/" + leads.get(11).id());
		});
		assertThat(mailsTo(this.anna)).hasSize(12);
	}

	@Test
	void aDigestThatCouldNotBeSentIsSentWholeByTheNextRun() {
		this.preferences.chooseNewLeadMails(this.anna.caller(), NewLeadMails.DIGEST);
		List<Referral> leads = List.of(send(), send());
		this.clock.advance(Duration.between(this.clock.instant(), next(BUDAPEST)));

		this.smtp.stop();
		try {
			this.digests.sendDue();
		}
		finally {
			this.smtp.start();
		}
		assertThat(mailsTo(this.anna)).isEmpty();

		this.digests.sendDue();
		assertThat(mailsTo(this.anna)).singleElement().satisfies(mail -> {
			assertThat(mail.subject()).isEqualTo("2 új érdeklődő");
			leads.forEach(lead -> assertThat(mail.text()).contains("/leads/" + lead.id()));
		});
	}

	@Test
	void customersWaitingAndExpiryRemindersAreNeverHeldForTheDigest() {
		this.preferences.chooseNewLeadMails(this.bence.caller(), NewLeadMails.DIGEST);
		Referral waiting = this.management.send(this.seller.caller(),
				ReferralSpecs.contactRequested(this.program.budapest()), Source.UI);
		this.publications.awaitCompleted(waiting.id());

		assertThat(mailsTo(this.bence)).singleElement()
			.satisfies(mail -> assertThat(mail.subject()).isEqualTo("The customer is waiting: Alpine Dairy Kft."));
	}

	/** The next instant after now at which it is 08:00 in the zone. */
	private Instant next(ZoneId zone) {
		ZonedDateTime now = this.clock.instant().atZone(zone);
		ZonedDateTime eight = now.with(LocalTime.of(8, 0));
		return (eight.isAfter(now) ? eight : eight.plusDays(1)).toInstant();
	}

	private Referral send() {
		Referral referral = this.management.send(this.seller.caller(), ReferralSpecs.qualified(this.program.budapest()),
				Source.UI);
		this.publications.awaitCompleted(referral.id());
		return referral;
	}

	private List<ReceivedMail> mailsTo(Person person) {
		return Arrays.stream(this.smtp.getReceivedMessages())
			.map(ReceivedMail::of)
			.filter(mail -> mail.to().equals(person.email()))
			.toList();
	}

	private Person person(Organization organization, String name, String displayName, String locale, Role role) {
		String email = name + "." + this.suffix + "@" + organization.name().split(" ")[0].toLowerCase(Locale.ROOT)
				+ ".example";
		UUID id = this.users.create(organization.id(), email, displayName, "secret", Set.of(role));
		this.jdbc.sql("update app_user set locale = ? where id = ?").params(locale, id).update();
		return new Person(email, new Caller(Caller.Kind.USER, "user:" + id, displayName, organization.id(),
				organization.kind(), Set.of(role)));
	}

	record Person(String email, Caller caller) {
	}

}
