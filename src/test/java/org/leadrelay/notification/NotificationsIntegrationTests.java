package org.leadrelay.notification;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.identity.UserAccounts;
import org.leadrelay.partner.Organization;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.Source;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.ErrorCode;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.EventPublications;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.MutableClock;
import org.leadrelay.testing.ReferralSpecs;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Without an SMTP server (the default run) mails are kept for the vendor admins'
 * sent-mail view; in-app notifications count, list and get marked read per user.
 */
@IntegrationTest
class NotificationsIntegrationTests {

	@Autowired
	TestProgram programs;

	@Autowired
	ReferralManagement management;

	@Autowired
	UserAccounts users;

	@Autowired
	SentMails sentMails;

	@Autowired
	Notifications notifications;

	@Autowired
	NotificationPreferences preferences;

	@Autowired
	EventPublications publications;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	Program program;

	Caller vendorClient;

	Caller vendorAdmin;

	Caller partnerUser;

	Caller otherPartnerUser;

	@BeforeEach
	void setUp() {
		this.program = this.programs.create();
		this.vendorClient = new Caller(Caller.Kind.API_CLIENT, "client:" + this.program.vendorClient().clientId(),
				"Vendor CRM", this.program.vendor().id(), OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
		this.vendorAdmin = user(this.program.vendor(), Role.VENDOR_ADMIN);
		this.partnerUser = user(this.program.contoso(), Role.REFERRALS_USER);
		this.otherPartnerUser = user(this.program.contoso(), Role.REFERRALS_ADMIN);
	}

	@Test
	void mailsAreKeptForTheSentMailViewWhenNoSmtpServerIsConfigured() {
		Referral referral = send();

		List<SentMail> kept = this.sentMails.latest(this.vendorAdmin, PageRequest.ofSize(500))
			.stream()
			.filter(mail -> mail.referralId().equals(referral.id()))
			.toList();

		assertThat(kept).hasSize(3).allSatisfy(mail -> {
			assertThat(mail.kept()).isTrue();
			assertThat(mail.kind()).isEqualTo(NotificationKind.NEW_REFERRAL);
			assertThat(mail.subject()).endsWith("Alpine Dairy Kft.");
			assertThat(mail.textBody()).contains("/leads/" + referral.id());
			assertThat(mail.htmlBody()).contains("<html");
		});
		assertThat(kept).extracting(SentMail::recipient).contains("leads@contoso.example");
		assertThatThrownBy(() -> this.sentMails.latest(this.partnerUser, PageRequest.ofSize(10)))
			.isInstanceOf(DomainException.class)
			.extracting("code")
			.isEqualTo(ErrorCode.ACCESS_DENIED);
	}

	@Test
	void aUserReadsTheirOwnNotifications() {
		Referral first = send();
		this.clock.advance(Duration.ofSeconds(1));
		send();
		this.clock.advance(Duration.ofSeconds(1));
		send();

		assertThat(this.notifications.unreadCount(this.partnerUser)).isEqualTo(3);
		List<InAppNotification> latest = this.notifications
			.latest(this.partnerUser, PageRequest.ofSize(2), Locale.ENGLISH)
			.getContent();
		assertThat(latest).hasSize(2).allSatisfy(notification -> assertThat(notification.read()).isFalse());
		assertThat(latest).extracting(InAppNotification::referralId).doesNotContain(first.id());

		this.notifications.markRead(this.partnerUser, latest.get(0).id());
		assertThat(this.notifications.unreadCount(this.partnerUser)).isEqualTo(2);
		assertThat(this.notifications.latest(this.partnerUser, PageRequest.ofSize(1), Locale.ENGLISH)
			.getContent()
			.get(0)
			.read()).isTrue();
		assertThatThrownBy(() -> this.notifications.markRead(this.otherPartnerUser, latest.get(1).id()))
			.isInstanceOf(DomainException.class)
			.extracting("code")
			.isEqualTo(ErrorCode.ITEM_NOT_FOUND);

		assertThat(this.notifications.markAllRead(this.partnerUser)).isEqualTo(2);
		assertThat(this.notifications.unreadCount(this.partnerUser)).isZero();
		assertThat(this.notifications.unreadCount(this.otherPartnerUser)).isEqualTo(3);
	}

	@Test
	void aNotificationsTitleIsWrittenInTheReadersLanguageWhenShown() {
		Referral referral = send();
		String customer = referral.customer().name();

		assertThat(titleFor(this.partnerUser, Locale.ENGLISH)).isEqualTo("New lead: " + customer);
		assertThat(titleFor(this.partnerUser, Locale.forLanguageTag("hu"))).isEqualTo("Új érdeklődő: " + customer);
	}

	@Test
	void aNotificationStoredBeforeTitlesWereWrittenWhenShownKeepsItsTitle() {
		send();
		UUID user = this.partnerUser.userId().orElseThrow();
		this.jdbc
			.sql("update notification set audience = null, arguments = null, title = 'New lead: Old Times Ltd' "
					+ "where user_id = ?")
			.param(user)
			.update();

		assertThat(titleFor(this.partnerUser, Locale.forLanguageTag("hu"))).isEqualTo("New lead: Old Times Ltd");
	}

	private String titleFor(Caller caller, Locale reader) {
		return this.notifications.latest(caller, PageRequest.ofSize(1), reader).getContent().get(0).title();
	}

	@Test
	void apiClientsHaveNoNotificationsAndNoPreferences() {
		send();

		assertThat(this.notifications.unreadCount(this.vendorClient)).isZero();
		assertThat(this.notifications.latest(this.vendorClient, PageRequest.ofSize(10), Locale.ENGLISH)).isEmpty();
		assertThatThrownBy(() -> this.preferences.emailSettings(this.vendorClient)).isInstanceOf(DomainException.class);
		assertThat(this.preferences.emailSettings(this.vendorAdmin)).containsOnlyKeys(
				NotificationKind.REFERRAL_DECLINED, NotificationKind.REFERRAL_EXPIRED, NotificationKind.REFERRAL_WON,
				NotificationKind.REFERRAL_LOST, NotificationKind.DEAL_INVITED);
	}

	@Test
	void partnersChooseMailForCoSellNoticesExceptStageMovesWhichComeInAppOnly() {
		assertThat(this.preferences.emailSettings(this.partnerUser)).containsOnlyKeys(NotificationKind.NEW_REFERRAL,
				NotificationKind.CONTACT_REQUEST, NotificationKind.EXPIRY_REMINDER, NotificationKind.DEAL_INVITED,
				NotificationKind.DEAL_ACCEPTED, NotificationKind.DEAL_DECLINED, NotificationKind.DEAL_EXPIRED,
				NotificationKind.DEAL_WON, NotificationKind.DEAL_LOST);
	}

	private Referral send() {
		Referral referral = this.management.send(this.vendorClient, ReferralSpecs.qualified(this.program.budapest()),
				Source.API);
		this.publications.awaitCompleted(referral.id());
		return referral;
	}

	private Caller user(Organization organization, Role role) {
		UUID id = this.users.create(organization.id(), UUID.randomUUID() + "@users.example", "Test User", "secret",
				Set.of(role));
		return new Caller(Caller.Kind.USER, "user:" + id, "Test User", organization.id(), organization.kind(),
				Set.of(role));
	}

}
