package org.leadrelay.referral;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.partner.Location;

import org.leadrelay.partner.Organizations;
import org.leadrelay.notification.Notifications;
import org.leadrelay.routing.Responsiveness;
import org.leadrelay.routing.ResponsivenessRefresh;
import org.leadrelay.routing.ResponsivenessScore;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.ErrorCode;
import org.leadrelay.shared.OrganizationId;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who creates, sees and answers deals: Referrals users on their own locations only,
 * vendor sellers answer co-sell invitations (marketing staff do not see them), and no
 * vendor user sees a partner's deal that is not shared with the vendor. A partner's own
 * deals are no leads: not in the Leads workspace, not in its responsiveness.
 */
@IntegrationTest
class DealScopeIntegrationTests {

	@Autowired
	TestProgram programs;

	@Autowired
	TestUsers users;

	@Autowired
	Organizations organizations;

	@Autowired
	ReferralManagement management;

	@Autowired
	ReferralSearch search;

	@Autowired
	ReferralProperties properties;

	@Autowired
	MutableClock clock;

	@Autowired
	ExpirySweep expiry;

	@Autowired
	ResponsivenessRefresh refresh;

	@Autowired
	Responsiveness responsiveness;

	@Autowired
	EventPublications publications;

	@Autowired
	Notifications notifications;

	@LocalServerPort
	int port;

	Program program;

	Location seattle;

	@BeforeEach
	void setUp() {
		this.program = this.programs.create();
		this.seattle = this.organizations.addLocation(this.program.contoso().id(), "Contoso Seattle", "Seattle", "US",
				List.of());
	}

	@Test
	void aReferralsUserCreatesDealsOnTheirOwnLocationsOnly() {
		Caller bence = partner(
				this.users.create(this.program.contoso(), "Bence Szabo", Role.REFERRALS_USER, this.program.budapest()),
				Role.REFERRALS_USER);
		Caller viewer = partner(this.users.create(this.program.contoso(), "Vera Toth", Role.BUSINESS_PROFILE_ADMIN),
				Role.BUSINESS_PROFILE_ADMIN);

		Referral budapest = this.management.createDeal(bence, deal(DealType.PartnerLed, this.program.budapest()),
				Source.UI);

		assertThat(this.search.get(bence, budapest.id()).direction()).isEqualTo(Direction.Outgoing);
		assertThatThrownBy(() -> this.management.createDeal(bence, deal(DealType.PartnerLed, this.seattle), Source.UI))
			.isInstanceOfSatisfying(DomainException.class,
					refused -> assertThat(refused.code()).isEqualTo(ErrorCode.ACCESS_DENIED));
		assertThatThrownBy(
				() -> this.management.createDeal(viewer, deal(DealType.PartnerLed, this.program.budapest()), Source.UI))
			.isInstanceOfSatisfying(DomainException.class,
					refused -> assertThat(refused.code()).isEqualTo(ErrorCode.ACCESS_DENIED));
		assertThatThrownBy(() -> this.management.createDeal(vendor(Role.VENDOR_ADMIN),
				deal(DealType.PartnerLed, this.program.budapest()), Source.UI))
			.isInstanceOfSatisfying(DomainException.class,
					refused -> assertThat(refused.code()).isEqualTo(ErrorCode.ACCESS_DENIED));
	}

	@Test
	void vendorSellersAnswerCoSellInvitationsAndMarketingStaffDoNotSeeThem() {
		Caller admin = partner(this.users.create(this.program.contoso(), "Anna Kovacs", Role.REFERRALS_ADMIN),
				Role.REFERRALS_ADMIN);
		Caller seller = vendor(Role.VENDOR_SELLER);
		Caller marketing = vendor(Role.VENDOR_MARKETING);
		Referral coSell = this.management.createDeal(admin, deal(DealType.CoSell, this.seattle), Source.UI);
		Referral privateDeal = this.management.createDeal(admin, deal(DealType.Private, this.seattle), Source.UI);
		Referral partnerLed = this.management.createDeal(admin, deal(DealType.PartnerLed, this.seattle), Source.UI);

		List<ReferralId> sellerSees = ids(seller);
		assertThat(sellerSees).hasSize(1).doesNotContain(coSell.id(), privateDeal.id(), partnerLed.id());
		ReferralId invitation = sellerSees.get(0);
		assertThat(ids(marketing)).isEmpty();
		assertThat(ids(vendor(Role.VENDOR_ADMIN))).containsExactlyInAnyOrder(invitation, partnerLed.id());

		Referral accepted = this.management.accept(seller, invitation, ReferralTests.DEAL, List.of(), Source.UI, null);
		assertThat(accepted.stage()).isEqualTo(DealStage.Accepted);
		this.management.moveToStage(seller, invitation, DealStage.Developed, Source.UI, null);
		assertThat(this.search.get(admin, coSell.id()).related()).singleElement()
			.satisfies(related -> assertThat(related.stage()).isEqualTo(DealStage.Developed));
		assertThatThrownBy(
				() -> this.management.moveToStage(seller, partnerLed.id(), DealStage.Qualified, Source.UI, null))
			.isInstanceOfSatisfying(DomainException.class,
					refused -> assertThat(refused.code()).isEqualTo(ErrorCode.ITEM_NOT_FOUND));
	}

	@Test
	void aPartnersOwnDealsStayOutOfItsLeadsAndItsResponsiveness() {
		TestUser anna = this.users.create(this.program.contoso(), "Anna Kovacs", Role.REFERRALS_ADMIN);
		Caller admin = partner(anna, Role.REFERRALS_ADMIN);
		this.management.createDeal(admin, deal(DealType.PartnerLed, this.program.budapest()), Source.UI);
		this.management.createDeal(admin, deal(DealType.Private, this.program.budapest()), Source.UI);
		Caller vendor = vendor(Role.VENDOR_ADMIN);
		this.management.send(vendor, ReferralSpecs.qualified(this.program.budapest()), Source.API);
		Referral accepted = this.management.send(vendor, ReferralSpecs.qualified(this.program.budapest()), Source.API);
		this.management.accept(admin, accepted.id(), ReferralTests.DEAL, List.of(), Source.UI, null);
		this.clock.advance(this.properties.responseWindow().plus(Duration.ofMinutes(1)));
		this.expiry.run();

		this.refresh.run();

		ResponsivenessScore score = this.responsiveness.of(this.program.contoso().id());
		assertThat(score.answered()).as("a deal accepted at once answers no lead").isEqualTo(1);
		assertThat(score.expired()).isEqualTo(1);
		WebSession browser = new WebSession(this.port);
		browser.signIn(anna.email(), TestUsers.PASSWORD);
		String qualified = browser.get("/leads?tab=qualified&stage=accepted").body();
		assertThat(qualified).contains(ReferralTests.DEAL.name()).doesNotContain(DealTests.DETAILS.name());
	}

	@Test
	void anInvitationBetweenPartnersThatIsDeclinedTellsNoVendorStaff() {
		Caller vendorAdmin = vendor(Role.VENDOR_ADMIN);
		Caller fabrikamAdmin = fabrikamAdmin();
		ReferralId invitation = partnerToPartnerInvitation(fabrikamAdmin);

		this.management.decline(fabrikamAdmin, invitation, "NoCapacity", null, Source.UI, null);
		this.publications.awaitCompleted(invitation.value());

		assertThat(this.notifications.unreadCount(vendorAdmin)).as("the vendor never heard of this deal").isZero();
	}

	@Test
	void anInvitationBetweenPartnersThatExpiresTellsNoVendorStaff() {
		Caller vendorAdmin = vendor(Role.VENDOR_ADMIN);
		Caller fabrikamAdmin = fabrikamAdmin();
		ReferralId invitation = partnerToPartnerInvitation(fabrikamAdmin);

		this.clock.advance(this.properties.responseWindow().plusMinutes(1));
		this.expiry.run();
		this.publications.awaitCompleted(invitation.value());

		assertThat(this.search.get(fabrikamAdmin, invitation).referral().substatus()).isEqualTo(Substatus.Expired);
		assertThat(this.notifications.unreadCount(vendorAdmin)).as("the vendor never heard of this deal").isZero();
	}

	/** Contoso invites Fabrikam's Vienna location to a deal; Fabrikam's record of it. */
	private ReferralId partnerToPartnerInvitation(Caller fabrikamAdmin) {
		Caller contosoAdmin = partner(this.users.create(this.program.contoso(), "Anna Kovacs", Role.REFERRALS_ADMIN),
				Role.REFERRALS_ADMIN);
		NewDeal spec = deal(DealType.PartnerLed, this.program.budapest());
		this.management.createDeal(contosoAdmin,
				new NewDeal(spec.location(), null, DealType.PartnerToPartner, spec.details(), spec.customer(),
						spec.consent(), spec.requirements(), spec.team(), this.program.vienna().id(), "Join us",
						spec.attributes()),
				Source.UI);
		return ids(fabrikamAdmin).get(0);
	}

	private Caller fabrikamAdmin() {
		TestUser jonas = this.users.create(this.program.fabrikam(), "Jonas Weber", Role.REFERRALS_ADMIN);
		return new Caller(Caller.Kind.USER, jonas.principalId(), jonas.name(), this.program.fabrikam().id(),
				OrganizationKind.PARTNER, Set.of(Role.REFERRALS_ADMIN));
	}

	private List<ReferralId> ids(Caller caller) {
		return this.search.list(caller, new ReferralQuery(null, ReferralSort.NEWEST_FIRST, 100, 0, null, true))
			.items()
			.stream()
			.map(viewed -> viewed.referral().id())
			.toList();
	}

	private NewDeal deal(DealType type, Location location) {
		NewDeal spec = DealTests.spec(type);
		return new NewDeal(location.id(), null, type, spec.details(), spec.customer(), spec.consent(),
				new Requirements(List.of(), List.of(), List.of(), List.of("Dairy BI pack")), spec.team(), null,
				spec.inviteNotes(), spec.attributes());
	}

	private Caller vendor(Role role) {
		TestUser user = this.users.create(this.program.vendor(), "Vendor " + role, role);
		return new Caller(Caller.Kind.USER, user.principalId(), user.name(), this.program.vendor().id(),
				OrganizationKind.VENDOR, Set.of(role));
	}

	private Caller partner(TestUser user, Role role) {
		OrganizationId organization = this.program.contoso().id();
		return new Caller(Caller.Kind.USER, user.principalId(), user.name(), organization, OrganizationKind.PARTNER,
				Set.of(role));
	}

}
