package org.leadrelay.notification.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.notification.SentMail;
import org.leadrelay.notification.SentMails;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.Source;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.EventPublications;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.MutableClock;
import org.leadrelay.testing.ReferralSpecs;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.TestUsers;
import org.leadrelay.testing.TestUsers.TestUser;
import org.leadrelay.testing.WebSession;
import org.leadrelay.testing.WebSession.Page;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bell, the notifications list and the email settings, through real HTTP as a browser
 * without JavaScript uses them: every user sees and changes only their own.
 */
@IntegrationTest
class NotificationPagesIntegrationTests {

	private static final Pattern OPEN = Pattern.compile("/notifications/([0-9a-f-]{36})/open");

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	@Autowired
	TestUsers users;

	@Autowired
	ReferralManagement management;

	@Autowired
	SentMails sentMails;

	@Autowired
	EventPublications publications;

	@Autowired
	MutableClock clock;

	Program program;

	TestUser anna;

	WebSession annaSession;

	@BeforeEach
	void setUp() {
		this.program = this.programs.create();
		this.anna = this.users.create(this.program.contoso(), "Anna Kovacs", Role.REFERRALS_ADMIN);
		this.annaSession = signedIn(this.anna);
	}

	@Test
	void theBellShowsTheUnreadCountOnEveryPage() {
		send();
		send();

		String leads = this.annaSession.get("/leads").body();
		assertThat(leads).contains("id=\"notification-bell\"").contains("aria-label=\"Notifications, 2 unread\"");
		assertThat(this.annaSession.get("/notifications/bell").body()).doesNotContain("<html")
			.contains("aria-label=\"Notifications, 2 unread\"");
		assertThat(this.annaSession.get("/notifications/bell?lang=hu").body())
			.contains("aria-label=\"Értesítések, 2 olvasatlan\"");
		TestUser colleague = this.users.create(this.program.contoso(), "Bela Toth", Role.BUSINESS_PROFILE_ADMIN);
		assertThat(signedIn(colleague).get("/profile").body()).contains("aria-label=\"Notifications, none unread\"");
		assertThat(new WebSession(this.port).get("/notifications").location()).endsWith("/login");
	}

	@Test
	void openingANotificationMarksItReadAndLeadsToItsLead() {
		Referral referral = send();
		String notification = notificationIds(this.annaSession.get("/notifications").body()).get(0);

		Page opened = this.annaSession.post("/notifications/" + notification + "/open", Map.of());

		assertThat(opened.location()).endsWith("/leads/" + referral.id());
		assertThat(this.annaSession.get("/leads/" + referral.id()).body())
			.contains("aria-label=\"Notifications, none unread\"");
		assertThat(this.annaSession.get("/notifications").body()).contains("Nothing unread")
			.doesNotContain("Mark as read: ");
	}

	@Test
	void aUserMarksOneOrAllNotificationsRead() {
		send();
		this.clock.advance(Duration.ofSeconds(1));
		send();
		this.clock.advance(Duration.ofSeconds(1));
		send();
		List<String> ids = notificationIds(this.annaSession.get("/notifications").body());

		Page markedOne = this.annaSession.post("/notifications/" + ids.get(1) + "/read", Map.of("page", "1"));
		assertThat(markedOne.location()).endsWith("/notifications");
		String afterOne = this.annaSession.get("/notifications").body();
		assertThat(afterOne).contains("Marked as read.").contains("2 unread");

		assertThat(this.annaSession.post("/notifications/read-all", Map.of()).location()).endsWith("/notifications");
		String afterAll = this.annaSession.get("/notifications").body();
		assertThat(afterAll).contains("2 notifications marked as read.")
			.contains("Nothing unread")
			.contains("aria-label=\"Notifications, none unread\"");
		assertThat(notificationIds(afterAll)).isEqualTo(ids);
	}

	@Test
	void anotherUsersNotificationIsNotFound() {
		send();
		String annas = notificationIds(this.annaSession.get("/notifications").body()).get(0);
		WebSession colleague = signedIn(this.users.create(this.program.contoso(), "Bela Toth", Role.REFERRALS_ADMIN));
		colleague.get("/notifications");

		assertThat(colleague.post("/notifications/" + annas + "/read", Map.of()).status()).isEqualTo(404);
		assertThat(colleague.post("/notifications/" + annas + "/open", Map.of()).status()).isEqualTo(404);
		assertThat(colleague.post("/notifications/not-an-id/open", Map.of()).status()).isEqualTo(404);
		assertThat(this.annaSession.get("/notifications").body()).contains("1 unread");
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefused() {
		send();
		String id = notificationIds(this.annaSession.get("/notifications").body()).get(0);

		assertThat(this.annaSession.postWithoutToken("/notifications/" + id + "/read", Map.of()).status())
			.isEqualTo(403);
		assertThat(this.annaSession.postWithoutToken("/notifications/read-all", Map.of()).status()).isEqualTo(403);
		assertThat(this.annaSession.postWithoutToken("/notifications/settings", Map.of()).status()).isEqualTo(403);
		assertThat(this.annaSession.get("/notifications").body()).contains("1 unread");
	}

	@Test
	void aUserChoosesNewLeadMailsEachAtOnceOrInADailyDigest() {
		String settings = this.annaSession.get("/notifications/settings").body();
		assertThat(settings).containsPattern(chosen("DEFAULT"))
			.contains("Each new lead at once", "One digest mail a day")
			.contains("until more than 10 new-lead notifications reached you in the last 24 hours")
			.contains("08:00 in your time zone");
		assertThat(this.annaSession.get("/notifications/settings?lang=hu").body())
			.contains("Naponta egy összesítő e-mail", "legfeljebb 10 értesítést");

		this.annaSession.post("/notifications/settings?lang=en",
				Map.of("email", "NEW_REFERRAL", "newLeadMails", "DIGEST"));
		assertThat(this.annaSession.get("/notifications/settings").body()).containsPattern(chosen("DIGEST"))
			.contains("value=\"NEW_REFERRAL\" checked=\"checked\"")
			.doesNotContainPattern(chosen("DEFAULT"));

		Page refused = this.annaSession.post("/notifications/settings?lang=en",
				Map.of("email", "CONTACT_REQUEST", "newLeadMails", "HOURLY"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("Choose one of the options for new-lead mails. Nothing was saved.")
			.contains("aria-describedby=\"newLeadMails-help newLeadMails-error\"");
		assertThat(this.annaSession
			.post("/notifications/settings?lang=hu", Map.of("email", "CONTACT_REQUEST", "newLeadMails", "HOURLY"))
			.body()).contains("Válasszon egyet az új érdeklődőkről szóló e-mailek lehetőségei közül.");
		assertThat(this.annaSession.get("/notifications/settings?lang=en").body()).as("nothing was saved")
			.containsPattern(chosen("DIGEST"))
			.contains("value=\"NEW_REFERRAL\" checked=\"checked\"");

		this.annaSession.post("/notifications/settings", Map.of("email", "NEW_REFERRAL"));
		assertThat(this.annaSession.get("/notifications/settings").body()).as("a form without the choice keeps it")
			.containsPattern(chosen("DIGEST"));
		this.annaSession.post("/notifications/settings", Map.of("email", "NEW_REFERRAL", "newLeadMails", "DEFAULT"));
		assertThat(this.annaSession.get("/notifications/settings").body()).containsPattern(chosen("DEFAULT"));
	}

	@Test
	void theListHasPagesOfTwentyNewestFirst() {
		List<Referral> referrals = new ArrayList<>();
		for (int i = 0; i < 21; i++) {
			this.clock.advance(Duration.ofSeconds(1));
			referrals.add(send());
		}

		String first = this.annaSession.get("/notifications").body();
		String second = this.annaSession.get("/notifications?page=2").body();

		assertThat(notificationIds(first)).hasSize(20);
		assertThat(first).contains("Page 1 of 2").contains("href=\"/notifications?page=2\"");
		assertThat(notificationIds(second)).hasSize(1);
		assertThat(second).contains("Page 2 of 2").contains("href=\"/notifications?page=1\"");
		assertThat(this.annaSession.post("/notifications/" + notificationIds(second).get(0) + "/open", Map.of())
			.location()).as("the oldest is on the last page").endsWith("/leads/" + referrals.get(0).id());
		assertThat(this.annaSession.get("/notifications?page=abc").status()).isEqualTo(404);
	}

	@Test
	void aUserTurnsEmailOffPerKindAndStillGetsTheNotificationInApp() {
		String settings = this.annaSession.get("/notifications/settings").body();
		assertThat(settings).contains("value=\"NEW_REFERRAL\" checked=\"checked\"")
			.contains("value=\"CONTACT_REQUEST\" checked=\"checked\"")
			.contains("value=\"EXPIRY_REMINDER\" checked=\"checked\"")
			.doesNotContain("REFERRAL_WON");

		Page saved = this.annaSession.post("/notifications/settings", Map.of("email", "CONTACT_REQUEST"));
		assertThat(saved.location()).endsWith("/notifications/settings");
		String after = this.annaSession.get("/notifications/settings").body();
		assertThat(after).contains("Your email settings are saved.")
			.contains("value=\"CONTACT_REQUEST\" checked=\"checked\"")
			.doesNotContain("value=\"NEW_REFERRAL\" checked=\"checked\"")
			.doesNotContain("value=\"EXPIRY_REMINDER\" checked=\"checked\"");

		Referral referral = send();
		assertThat(this.annaSession.get("/notifications").body()).contains("1 unread");
		assertThat(mailsAbout(referral)).extracting(SentMail::recipient)
			.contains("leads@contoso.example")
			.doesNotContain(this.anna.email());

		TestUser seller = this.users.create(this.program.vendor(), "Sebastian Seller", Role.VENDOR_SELLER);
		assertThat(signedIn(seller).get("/notifications/settings").body())
			.contains("value=\"REFERRAL_WON\" checked=\"checked\"")
			.doesNotContain("NEW_REFERRAL");
	}

	private Referral send() {
		Caller vendor = new Caller(Caller.Kind.API_CLIENT, "client:" + this.program.vendorClient().clientId(),
				"Vendor CRM", this.program.vendor().id(), OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
		Referral referral = this.management.send(vendor, ReferralSpecs.qualified(this.program.budapest()), Source.API);
		this.publications.awaitCompleted(referral.id());
		return referral;
	}

	private List<SentMail> mailsAbout(Referral referral) {
		Caller vendorAdmin = new Caller(Caller.Kind.USER, "user:admin", "Admin", this.program.vendor().id(),
				OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
		return this.sentMails.latest(vendorAdmin, PageRequest.ofSize(100))
			.stream()
			.filter(mail -> mail.referralId().equals(referral.id()))
			.toList();
	}

	private WebSession signedIn(TestUser user) {
		WebSession session = new WebSession(this.port);
		session.signIn(user.email(), TestUsers.PASSWORD);
		return session;
	}

	/** The notifications a page lists, top to bottom. */
	private static List<String> notificationIds(String html) {
		Matcher open = OPEN.matcher(html);
		List<String> ids = new ArrayList<>();
		while (open.find()) {
			ids.add(open.group(1));
		}
		return ids;
	}

	/** The radio button of a new-lead mail choice, checked. */
	private static String chosen(String choice) {
		return "value=\"" + choice + "\"[^>]*checked=\"checked\"";
	}

}
