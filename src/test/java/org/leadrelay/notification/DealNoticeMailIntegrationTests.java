package org.leadrelay.notification;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.identity.UserAccounts;
import org.leadrelay.partner.LocationId;
import org.leadrelay.partner.Organization;
import org.leadrelay.referral.AssistanceRequestCode;
import org.leadrelay.referral.Address;
import org.leadrelay.referral.Consent;
import org.leadrelay.referral.Customer;
import org.leadrelay.referral.DealDetails;
import org.leadrelay.referral.DealStage;
import org.leadrelay.referral.DealType;
import org.leadrelay.referral.ExpirySweep;
import org.leadrelay.referral.LostReason;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.NewDeal;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralAttributes;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.ReferralProperties;
import org.leadrelay.referral.ReferralSearch;
import org.leadrelay.referral.Requirements;
import org.leadrelay.referral.Source;
import org.leadrelay.referral.TeamMember;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.EventPublications;
import org.leadrelay.testing.MailIntegrationTest;
import org.leadrelay.testing.MutableClock;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.ReceivedMail;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The co-sell notices over a real SMTP server: the invited organization hears of an
 * invitation, the inviting partner of every answer, each reader in their language, and a
 * deal between partners tells no vendor staff. Shares the SMTP context of
 * {@link NotificationMailIntegrationTests}.
 */
@MailIntegrationTest
class DealNoticeMailIntegrationTests {

	@Autowired
	GreenMail smtp;

	@Autowired
	TestProgram programs;

	@Autowired
	ReferralManagement management;

	@Autowired
	ReferralSearch referrals;

	@Autowired
	ReferralProperties referralProperties;

	@Autowired
	ExpirySweep expiry;

	@Autowired
	UserAccounts users;

	@Autowired
	Notifications notifications;

	@Autowired
	SentMails sentMails;

	@Autowired
	NotificationPreferences preferences;

	@Autowired
	EventPublications publications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	Program program;

	String suffix;

	/** Contoso's Referrals admin, who creates the deals; reads Hungarian. */
	Person anna;

	/** Contoso's Referrals user; reads English. */
	Person bence;

	Person franz;

	Person ferenc;

	Person seller;

	Person vendorAdmin;

	@BeforeEach
	void setUp() throws FolderException {
		this.smtp.purgeEmailFromAllMailboxes();
		this.program = this.programs.create();
		this.suffix = UUID.randomUUID().toString().substring(0, 8);
		this.anna = person(this.program.contoso(), "anna", "Anna Kovács", "hu", Role.REFERRALS_ADMIN);
		this.bence = person(this.program.contoso(), "bence", "Bence Szabó", "en", Role.REFERRALS_USER);
		this.franz = person(this.program.fabrikam(), "franz", "Franz Huber", "en", Role.REFERRALS_ADMIN);
		this.ferenc = person(this.program.fabrikam(), "ferenc", "Ferenc Tóth", "hu", Role.REFERRALS_USER);
		this.seller = person(this.program.vendor(), "seller", "Sam Seller", "en", Role.VENDOR_SELLER);
		this.vendorAdmin = person(this.program.vendor(), "admin", "Nóra Admin", "hu", Role.VENDOR_ADMIN);
	}

	@Test
	void aPartnerInvitedToADealHearsOfItInsteadOfANewLeadInItsLanguage() {
		Referral deal = create(DealType.PartnerToPartner);
		Referral invitation = invitationOf(deal, this.program.fabrikam());

		assertThat(received()).extracting(ReceivedMail::to)
			.as("no new-lead mail besides")
			.doesNotContain(this.anna.email(), this.bence.email())
			.filteredOn(this.franz.email()::equals)
			.hasSize(1);
		List<ReceivedMail> mails = about(invitation);
		assertThat(mails).extracting(ReceivedMail::to)
			.as("the invited partner's people and its location's alert address, nobody else, one mail each")
			.containsExactlyInAnyOrder(this.franz.email(), this.ferenc.email(), "leads@fabrikam.example");
		ReceivedMail english = mailTo(mails, this.franz.email());
		assertThat(english.subject()).isEqualTo("Invitation to a deal: Dairy analytics");
		assertThat(english.text()).contains(
				this.program.contoso().name() + " invites you to work on the deal Dairy analytics",
				"Anna Kovács of " + this.program.contoso().name() + " asks " + this.program.fabrikam().name(),
				"Customer: Alpine Dairy, Debrecen", "Location: Fabrikam Vienna", "Deal value: €40,000",
				"Estimated close: Mar 31, 2027", "Note from the inviter: You know dairies in Austria",
				"Open the deal in LeadRelay: ", "/deals/" + invitation.id());
		assertThat(english.text()).doesNotContain("Our margin", "/leads/");
		assertThat(english.html()).contains("href=\"http://localhost:8080/deals/" + invitation.id() + "\"");
		ReceivedMail hungarian = mailTo(mails, this.ferenc.email());
		assertThat(hungarian.subject()).isEqualTo("Meghívás üzletbe: Dairy analytics");
		assertThat(hungarian.text()).contains(
				this.program.contoso().name() + " meghívta Önöket egy közös üzletbe: Dairy analytics",
				"A meghívó megjegyzése: You know dairies in Austria", "Az üzlet megnyitása a LeadRelayben");
		assertThat(mailTo(mails, "leads@fabrikam.example").subject()).as("Vienna is in Austria")
			.isEqualTo("Invitation to a deal: Dairy analytics");

		List<InAppNotification> inApp = this.notifications
			.latest(this.ferenc.caller(), PageRequest.ofSize(10), Locale.ENGLISH)
			.getContent();
		assertThat(inApp).singleElement().satisfies(notification -> {
			assertThat(notification.kind()).isEqualTo(NotificationKind.DEAL_INVITED);
			assertThat(notification.title()).as("written in the reader's language when shown")
				.isEqualTo("Invitation to a deal: Dairy analytics");
			assertThat(this.notifications.markRead(this.ferenc.caller(), notification.id()))
				.isEqualTo("/deals/" + invitation.id());
		});
	}

	@Test
	void aCoSellInvitationGoesToTheVendorsAdminsAndSellersNotToThePartnersAlertAddress() {
		Referral deal = create(DealType.CoSell);
		Referral invitation = invitationOf(deal, this.program.vendor());

		List<ReceivedMail> mails = about(invitation);
		assertThat(mails).extracting(ReceivedMail::to)
			.containsExactlyInAnyOrder(this.seller.email(), this.vendorAdmin.email());
		assertThat(mailTo(mails, this.seller.email()).text()).contains("Help asked for: Proof of concept or demo",
				"Note from the inviter: Could your team run the demo?", "Location: Contoso Budapest",
				"/deals/" + invitation.id());
		assertThat(mailTo(mails, this.vendorAdmin.email()).text())
			.contains("Kért segítség: Koncepcióigazolás vagy bemutató");
	}

	@Test
	void anAcceptedInvitationIsReportedToTheInvitingPartnerInEachReadersLanguage() {
		Referral deal = create(DealType.PartnerToPartner);
		Referral invitation = invitationOf(deal, this.program.fabrikam());
		forgetReceivedMail();

		this.management.accept(this.franz.caller(), invitation.id(), details(), List.of(), Source.UI, null);
		this.publications.awaitCompleted(invitation.id());

		List<ReceivedMail> mails = about(deal);
		assertThat(mails).extracting(ReceivedMail::to)
			.as("the inviting partner's users, not its alert address nor vendor staff")
			.containsExactlyInAnyOrder(this.anna.email(), this.bence.email());
		ReceivedMail english = mailTo(mails, this.bence.email());
		assertThat(english.subject()).isEqualTo("Invitation accepted: Dairy analytics");
		assertThat(english.text()).contains(
				this.program.fabrikam().name() + " accepted your invitation to Dairy analytics",
				"Sales stage: Accepted (10 %)", "/deals/" + deal.id());
		assertThat(mailTo(mails, this.anna.email()).subject()).isEqualTo("Elfogadott meghívás: Dairy analytics");
		assertThat(titles(this.anna, Locale.forLanguageTag("hu"))).first()
			.isEqualTo("Elfogadott meghívás: Dairy analytics");
	}

	@Test
	void aDeclineBetweenPartnersTellsTheInviterWithItsReasonAndNoVendorStaff() {
		Referral deal = create(DealType.PartnerToPartner);
		Referral invitation = invitationOf(deal, this.program.fabrikam());
		forgetReceivedMail();

		this.management.decline(this.franz.caller(), invitation.id(), "NotOurExpertise", "Too far", Source.UI, null);
		this.publications.awaitCompleted(invitation.id());

		List<ReceivedMail> mails = about(deal);
		assertThat(mails).extracting(ReceivedMail::to).containsExactlyInAnyOrder(this.anna.email(), this.bence.email());
		assertThat(mailTo(mails, this.bence.email()).subject()).isEqualTo("Invitation declined: Dairy analytics");
		assertThat(mailTo(mails, this.bence.email()).text()).contains("Reason: Not our expertise");
		assertThat(mailTo(mails, this.anna.email()).subject()).isEqualTo("Elutasított meghívás: Dairy analytics");
		assertThat(mailTo(mails, this.anna.email()).text()).contains("Indok: Nem a szakterületünk");
		assertNoVendorStaffHeard();
	}

	@Test
	void anInviterWhoTurnedAnAnswerKindOffGetsItInAppOnly() {
		this.preferences.setEmail(this.bence.caller(), NotificationKind.DEAL_DECLINED, false);
		Referral deal = create(DealType.PartnerToPartner);
		Referral invitation = invitationOf(deal, this.program.fabrikam());

		this.management.decline(this.franz.caller(), invitation.id(), "NoCapacity", null, Source.UI, null);
		this.publications.awaitCompleted(invitation.id());

		assertThat(about(deal)).extracting(ReceivedMail::to).containsExactly(this.anna.email());
		assertThat(titles(this.bence, Locale.ENGLISH)).containsExactly("Invitation declined: Dairy analytics");
	}

	@Test
	void anExpiredInvitationBetweenPartnersTellsTheInviterAndNoVendorStaff() {
		Referral deal = create(DealType.PartnerToPartner);
		Referral invitation = invitationOf(deal, this.program.fabrikam());
		forgetReceivedMail();

		this.clock.advance(this.referralProperties.responseWindow());
		this.expiry.run();
		this.publications.awaitCompleted(invitation.id());

		List<ReceivedMail> mails = about(deal);
		assertThat(mails).extracting(ReceivedMail::to).containsExactlyInAnyOrder(this.anna.email(), this.bence.email());
		assertThat(mailTo(mails, this.bence.email()).subject()).isEqualTo("Invitation expired: Dairy analytics");
		assertThat(mailTo(mails, this.anna.email()).subject()).isEqualTo("Lejárt meghívás: Dairy analytics");
		assertNoVendorStaffHeard();
	}

	@Test
	void theVendorsAnswersAndStagesReachThePartnerStageMovesInAppOnly() {
		Referral deal = create(DealType.CoSell);
		Referral invitation = invitationOf(deal, this.program.vendor());
		this.management.accept(this.seller.caller(), invitation.id(), details(), List.of(), Source.UI, null);
		this.publications.awaitCompleted(invitation.id());
		forgetReceivedMail();

		this.management.moveToStage(this.seller.caller(), invitation.id(), DealStage.Proposed, Source.UI, null);
		this.publications.awaitCompleted(invitation.id());
		assertThat(about(deal)).as("a stage move comes in-app only").isEmpty();
		assertThat(titles(this.bence, Locale.ENGLISH)).as("the same instant as the acceptance, yet a notice of its own")
			.containsExactlyInAnyOrder("Invitation accepted: Dairy analytics",
					"Dairy analytics: " + this.program.vendor().name() + " moved to Proposed (60 %)");
		assertThat(titles(this.anna, Locale.forLanguageTag("hu")))
			.contains("Dairy analytics: " + this.program.vendor().name() + " új szakaszban: Ajánlat elküldve (60 %)");

		this.management.markWon(this.seller.caller(), invitation.id(), Source.UI, null);
		this.publications.awaitCompleted(invitation.id());
		List<ReceivedMail> mails = about(deal);
		assertThat(mails).extracting(ReceivedMail::to).containsExactlyInAnyOrder(this.anna.email(), this.bence.email());
		assertThat(mailTo(mails, this.bence.email()).subject()).isEqualTo("Deal won: Dairy analytics");
		assertThat(mailTo(mails, this.bence.email()).text()).contains(
				this.program.vendor().name() + " marked the deal Dairy analytics won", "Sales stage: Won (100 %)",
				"/deals/" + deal.id());
		assertThat(mailTo(mails, this.anna.email()).subject()).isEqualTo("Megnyert üzlet: Dairy analytics");
	}

	@Test
	void aLostDealBetweenPartnersIsReportedWithItsReason() {
		Referral deal = create(DealType.PartnerToPartner);
		Referral invitation = invitationOf(deal, this.program.fabrikam());
		this.management.accept(this.franz.caller(), invitation.id(), details(), List.of(), Source.UI, null);
		this.publications.awaitCompleted(invitation.id());
		forgetReceivedMail();

		this.management.markLost(this.franz.caller(), invitation.id(), LostReason.NoBudget, Source.UI, null);
		this.publications.awaitCompleted(invitation.id());

		List<ReceivedMail> mails = about(deal);
		assertThat(mailTo(mails, this.bence.email()).subject()).isEqualTo("Deal lost: Dairy analytics");
		assertThat(mailTo(mails, this.bence.email()).text()).contains("Reason: No budget");
		assertThat(mailTo(mails, this.anna.email()).subject()).isEqualTo("Elvesztett üzlet: Dairy analytics");
		assertNoVendorStaffHeard();
	}

	/**
	 * Nobody of the vendor got a mail or a notification about the deal, and its sent-mail
	 * page lists none of its mails.
	 */
	private void assertNoVendorStaffHeard() {
		assertThat(received()).extracting(ReceivedMail::to)
			.doesNotContain(this.seller.email(), this.vendorAdmin.email());
		assertThat(titles(this.seller, Locale.ENGLISH)).isEmpty();
		assertThat(titles(this.vendorAdmin, Locale.ENGLISH)).isEmpty();
		assertThat(this.sentMails.latest(this.vendorAdmin.caller(), PageRequest.ofSize(10))).isEmpty();
	}

	/** Contoso's admin Anna creates the deal on its Budapest location. */
	private Referral create(DealType type) {
		LocationId invited = type == DealType.PartnerToPartner ? this.program.vienna().id() : null;
		ReferralAttributes attributes = type == DealType.CoSell ? ReferralAttributes.NONE
			.with(Map.of("inviteContext/assistanceRequestCode", AssistanceRequestCode.ProofOfConceptOrDemo.name()))
				: ReferralAttributes.NONE;
		NewDeal spec = new NewDeal(this.program.budapest().id(), null, type,
				DealDetails.of("Dairy analytics", Money.of(new BigDecimal("40000"), "EUR"),
						Instant.parse("2027-03-31T00:00:00Z"), "Our margin is 20 %", null, null),
				new Customer("Alpine Dairy", Address.of(null, null, "Debrecen", null, null, "HU"), null, List.of()),
				new Consent(true, false), new Requirements(List.of(), List.of(), List.of(), List.of("Dairy BI pack")),
				List.of(TeamMember.of("team/0", "Anna", "Kovács", "+36 1 555 0100", this.anna.email())), invited,
				type == DealType.CoSell ? "Could your team run the demo?" : "You know dairies in Austria", attributes);
		Referral deal = this.management.createDeal(this.anna.caller(), spec, Source.UI);
		this.publications.awaitCompleted(deal.id());
		return deal;
	}

	private Referral invitationOf(Referral deal, Organization invited) {
		UUID id = this.jdbc.sql("select id from referral where inviter_referral_id = ? and organization_id = ?")
			.params(deal.id().value(), invited.id().value())
			.query(UUID.class)
			.single();
		this.publications.awaitCompleted(id);
		return this.referrals.findOwnedBy(invited.id(), new ReferralId(id)).orElseThrow();
	}

	private static DealDetails details() {
		return DealDetails.of("Dairy analytics", Money.of(new BigDecimal("40000"), "EUR"),
				Instant.parse("2027-03-31T00:00:00Z"), "Our part: the demo", null, null);
	}

	private List<String> titles(Person person, Locale reader) {
		return this.notifications.latest(person.caller(), PageRequest.ofSize(10), reader)
			.map(InAppNotification::title)
			.getContent();
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

	/**
	 * The mails linking the deal page of a record (other tests' expiring referrals may
	 * mail meanwhile).
	 */
	private List<ReceivedMail> about(Referral referral) {
		return received().stream().filter(mail -> mail.text().contains("/deals/" + referral.id())).toList();
	}

	private static ReceivedMail mailTo(List<ReceivedMail> mails, String recipient) {
		return mails.stream().filter(mail -> mail.to().equals(recipient)).reduce((a, b) -> {
			throw new AssertionError(recipient + " got more than one mail");
		}).orElseThrow(() -> new AssertionError("No mail to " + recipient + " among " + mails));
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
