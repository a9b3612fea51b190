package org.leadrelay.referral;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.partner.Location;
import org.leadrelay.partner.Organizations;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.ErrorCode;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.ReferralSpecs;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.TestUsers;
import org.leadrelay.testing.TestUsers.TestUser;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Who sees which leads (SPEC section 1): a Referrals user those of their locations and
 * those whose deal team lists them, vendor sellers and marketing staff what they sent,
 * the vendor admin everything of the program, a partner user without a referrals role
 * nothing. What one cannot see, one cannot change either.
 */
@IntegrationTest
class ReferralScopeIntegrationTests {

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

	Program program;

	Location seattle;

	Caller partnerAdmin;

	@BeforeEach
	void setUp() {
		this.program = this.programs.create();
		this.seattle = this.organizations.addLocation(this.program.contoso().id(), "Contoso Seattle", "Seattle", "US",
				List.of());
		this.partnerAdmin = caller(this.users.create(this.program.contoso(), "Anna Kovacs", Role.REFERRALS_ADMIN),
				OrganizationKind.PARTNER, Role.REFERRALS_ADMIN);
	}

	@Test
	void aReferralsUserSeesTheirLocationsLeadsAndThoseWhoseDealTeamListsThem() {
		TestUser budapestUser = this.users.create(this.program.contoso(), "Bence Szabo", Role.REFERRALS_USER,
				this.program.budapest());
		Caller bence = caller(budapestUser, OrganizationKind.PARTNER, Role.REFERRALS_USER);
		Referral budapestLead = sendAs(vendorAdmin(), this.program.budapest());
		Referral seattleLead = sendAs(vendorAdmin(), this.seattle);
		Referral seattleTeamLead = sendAs(vendorAdmin(), this.seattle);
		this.management.accept(this.partnerAdmin, seattleTeamLead.id(), DealDetails.of("Seattle ERP",
				Money.of(BigDecimal.TEN, "USD"), Instant.parse("2027-01-01T00:00:00Z"), "Notes", null, null), List.of(),
				Source.UI, null);
		this.management.addTeamMember(this.partnerAdmin, seattleTeamLead.id(),
				TeamMember.of("team", "Bence", "Szabo", null, budapestUser.email().toUpperCase()), Source.UI, null);

		assertThat(visibleTo(bence)).containsExactlyInAnyOrder(budapestLead.id(), seattleTeamLead.id());
		assertThat(visibleTo(this.partnerAdmin)).containsExactlyInAnyOrder(budapestLead.id(), seattleLead.id(),
				seattleTeamLead.id());
		assertThatExceptionOfType(DomainException.class)
			.isThrownBy(() -> this.management.decline(bence, seattleLead.id(), "Spam", null, Source.UI, null))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(ErrorCode.ITEM_NOT_FOUND));
	}

	@Test
	void vendorStaffSeeWhatTheySentAndTheVendorAdminEverything() {
		Caller seller = caller(this.users.create(this.program.vendor(), "Sebastian Seller", Role.VENDOR_SELLER),
				OrganizationKind.VENDOR, Role.VENDOR_SELLER);
		Caller marketing = caller(this.users.create(this.program.vendor(), "Maria Marketing", Role.VENDOR_MARKETING),
				OrganizationKind.VENDOR, Role.VENDOR_MARKETING);
		Referral sold = sendAs(seller, this.program.budapest());
		Referral marketed = this.management.send(marketing, marketingQualified(this.program.vienna()), Source.UI);

		assertThat(visibleTo(seller)).containsExactly(sold.id());
		assertThat(visibleTo(marketing)).containsExactly(marketed.id());
		assertThat(visibleTo(vendorAdmin())).containsExactlyInAnyOrder(sold.id(), marketed.id());
		assertThatExceptionOfType(DomainException.class)
			.as("a seller sends sales-qualified leads, not marketing-qualified ones")
			.isThrownBy(() -> this.management.send(seller, marketingQualified(this.program.vienna()), Source.UI));
	}

	@Test
	void aPartnerUserWithoutAReferralsRoleSeesNoLeads() {
		sendAs(vendorAdmin(), this.program.budapest());
		Caller profileAdmin = caller(
				this.users.create(this.program.contoso(), "Petra Profile", Role.BUSINESS_PROFILE_ADMIN),
				OrganizationKind.PARTNER, Role.BUSINESS_PROFILE_ADMIN);

		assertThat(visibleTo(profileAdmin)).isEmpty();
	}

	private List<ReferralId> visibleTo(Caller caller) {
		List<ReferralId> listed = this.search
			.list(caller, new ReferralQuery(null, ReferralSort.NEWEST_FIRST, 100, 0, null, true))
			.items()
			.stream()
			.map(viewed -> viewed.referral().id())
			.toList();
		assertThat(this.search.count(caller, null)).isEqualTo(listed.size());
		listed.forEach(id -> assertThat(this.search.get(caller, id).referral().id()).isEqualTo(id));
		return listed;
	}

	private Referral sendAs(Caller sender, Location location) {
		return this.management.send(sender, ReferralSpecs.qualified(location), Source.UI);
	}

	private static NewReferral marketingQualified(Location location) {
		NewReferral spec = ReferralSpecs.qualified(location);
		return new NewReferral(spec.target(), Qualification.MarketingQualified, spec.type(), spec.name(),
				spec.campaignId(), spec.customer(), spec.consent(), spec.requirements(), spec.notes(),
				spec.estimatedValue(), spec.closingAt(), spec.contactRequested(), spec.inviteNotes());
	}

	private Caller vendorAdmin() {
		return new Caller(Caller.Kind.API_CLIENT, "client:northwind", "Northwind CRM", this.program.vendor().id(),
				OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
	}

	private Caller caller(TestUser user, OrganizationKind kind, Role role) {
		OrganizationId organization = kind == OrganizationKind.VENDOR ? this.program.vendor().id()
				: this.program.contoso().id();
		return new Caller(Caller.Kind.USER, user.principalId(), user.name(), organization, kind, Set.of(role));
	}

}
