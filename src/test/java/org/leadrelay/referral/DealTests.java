package org.leadrelay.referral;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadrelay.partner.LocationId;
import org.leadrelay.referral.DealStageRefusedException.Reason;
import org.leadrelay.referral.EngagementEvent.RelatedReferralCreated;
import org.leadrelay.referral.EngagementEvent.RelatedReferralUpdated;
import org.leadrelay.referral.ReferralEvent.DealCreated;
import org.leadrelay.referral.ReferralEvent.ReferralReceived;
import org.leadrelay.referral.ReferralEvent.ReferralUpdated;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.ErrorCode;
import org.leadrelay.shared.OrganizationId;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Partner-created deals and invitations: how each deal type starts, what an invitation
 * carries and tells the inviter, and every allowed and forbidden sales stage change.
 */
class DealTests {

	static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

	static final Duration WINDOW = Duration.ofDays(14);

	static final Actor PARTNER = new Actor("user:1", "Anna Kovács", Source.UI);

	static final Actor INVITEE = new Actor("user:2", "Jonas Weber", Source.API);

	static final OrganizationId CONTOSO = new OrganizationId(UUID.randomUUID());

	static final OrganizationId FABRIKAM = new OrganizationId(UUID.randomUUID());

	static final OrganizationId VENDOR = new OrganizationId(UUID.randomUUID());

	static final LocationId BUDAPEST = new LocationId(UUID.randomUUID());

	static final LocationId VIENNA = new LocationId(UUID.randomUUID());

	static final DealDetails DETAILS = DealDetails.of("Dairy analytics", Money.of(new BigDecimal("40000"), "EUR"),
			Instant.parse("2026-09-30T00:00:00Z"), "Our pricing: 20 % partner margin", "CRM-7", "FY26-Q3");

	static final TeamMember MEMBER = TeamMember.of("team/0", "Anna", "Kovács", "+36 1 555 0100",
			"anna@contoso.example");

	static final TeamMember CUSTOMER_CONTACT = TeamMember.of("customerProfile/team/0", "Eva", "Nagy", null,
			"eva@alpine.example");

	static NewDeal spec(DealType type) {
		return spec(type, new Consent(true, false));
	}

	static NewDeal spec(DealType type, Consent consent) {
		ReferralAttributes attributes = type == DealType.CoSell ? ReferralAttributes.NONE.with(java.util.Map
			.of("inviteContext/assistanceRequestCode", AssistanceRequestCode.ProofOfConceptOrDemo.name()))
				: ReferralAttributes.NONE;
		return new NewDeal(BUDAPEST, null, type, DETAILS,
				new Customer("Alpine Dairy", Address.of(null, null, "Debrecen", null, null, "HU"), null,
						List.of(CUSTOMER_CONTACT)),
				consent, new Requirements(List.of(), List.of("Analytics Suite"), List.of(), List.of("Dairy BI pack")),
				List.of(MEMBER), type == DealType.PartnerToPartner ? VIENNA : null,
				type.invites() ? "Could you run the demo?" : null, attributes);
	}

	static Referral deal(DealType type) {
		Referral deal = DealRecords.create(new ReferralId(UUID.randomUUID()), spec(type), CONTOSO, VENDOR, PARTNER, T0);
		deal.markPersisted(1);
		return deal;
	}

	static Referral invitation(DealType type) {
		Referral deal = deal(type);
		OrganizationId invitee = type == DealType.CoSell ? VENDOR : FABRIKAM;
		Referral invitation = DealRecords.invitation(deal, new ReferralId(UUID.randomUUID()), invitee,
				type == DealType.CoSell ? BUDAPEST : VIENNA, PARTNER, T0, WINDOW);
		invitation.markPersisted(1);
		return invitation;
	}

	static Referral at(DealStage stage) {
		Referral deal = deal(DealType.CoSell);
		Instant later = T0.plusSeconds(60);
		if (stage == DealStage.Won) {
			deal.markWon(PARTNER, later);
		}
		else if (stage != DealStage.Accepted) {
			deal.moveTo(stage, PARTNER, later);
		}
		deal.markPersisted(deal.version() + 1);
		return deal;
	}

	@Nested
	class Creating {

		@ParameterizedTest
		@EnumSource(DealType.class)
		void aPartnersDealStartsAcceptedAtTheFirstStageGoingOut(DealType type) {
			Referral deal = DealRecords.create(new ReferralId(UUID.randomUUID()), spec(type), CONTOSO, VENDOR, PARTNER,
					T0);

			assertThat(deal.substatus()).isEqualTo(Substatus.Accepted);
			assertThat(deal.acceptedAt()).isEqualTo(T0);
			assertThat(deal.stage()).isEqualTo(DealStage.Accepted);
			assertThat(deal.attributes().salesStage()).isNull();
			assertThat(deal.direction()).isEqualTo(Direction.Outgoing);
			assertThat(deal.type()).isEqualTo(type.referralType());
			assertThat(deal.team()).containsExactly(MEMBER);
			assertThat(deal.notes()).isEqualTo(DETAILS.notes());
			assertThat(deal.pendingEvents()).singleElement().isInstanceOf(DealCreated.class);
			assertThat(deal.pendingTimeline()).singleElement()
				.satisfies(entry -> assertThat(entry.action()).isEqualTo("created"));
			assertThat(deal.awaitsResponse(T0)).isFalse();
		}

		@Test
		void vendorStaffSeeOnlyPartnerLedDealsOfAPartnersOwn() {
			assertThat(deal(DealType.PartnerLed).visibleToVendor()).isTrue();
			assertThat(deal(DealType.Private).visibleToVendor()).isFalse();
			assertThat(deal(DealType.CoSell).visibleToVendor()).isFalse();
			assertThat(deal(DealType.PartnerToPartner).visibleToVendor()).isFalse();
			assertThat(deal(DealType.CoSell).attributes().consentToShareReferralWithMicrosoftSellers()).isTrue();
			assertThat(deal(DealType.Private).attributes().consentToShareReferralWithMicrosoftSellers()).isFalse();
		}

		@Test
		void aDealNeedsATeamMemberASolutionAndItsDetails() {
			NewDeal valid = spec(DealType.PartnerLed);
			assertInvalid(() -> new NewDeal(BUDAPEST, null, DealType.PartnerLed, DETAILS, valid.customer(),
					valid.consent(), valid.requirements(), List.of(), null, null, ReferralAttributes.NONE), "team");
			assertInvalid(() -> new NewDeal(BUDAPEST, null, DealType.PartnerLed, DETAILS, valid.customer(),
					valid.consent(), new Requirements(List.of("Retail"), List.of(), List.of(), List.of()),
					List.of(MEMBER), null, null, ReferralAttributes.NONE), "details/requirements/solutions");
			assertInvalid(() -> DealDetails.of("Deal", null, T0, "notes", null, null), "details/dealValue");
			assertInvalid(() -> DealDetails.of("Deal", DETAILS.value(), null, "notes", null, null),
					"details/closingDateTime");
		}

		@Test
		void onlyAPartnerToPartnerDealTargetsAPartnerAndOnlyCoSellAsksForHelp() {
			NewDeal valid = spec(DealType.PartnerLed);
			assertInvalid(() -> new NewDeal(BUDAPEST, null, DealType.PartnerToPartner, DETAILS, valid.customer(),
					valid.consent(), valid.requirements(), List.of(MEMBER), null, null, ReferralAttributes.NONE),
					"target");
			assertInvalid(() -> new NewDeal(BUDAPEST, null, DealType.Private, DETAILS, valid.customer(),
					valid.consent(), valid.requirements(), List.of(MEMBER), VIENNA, null, ReferralAttributes.NONE),
					"target");
			assertInvalid(
					() -> new NewDeal(BUDAPEST, null, DealType.CoSell, DETAILS, valid.customer(), valid.consent(),
							valid.requirements(), List.of(MEMBER), null, null, ReferralAttributes.NONE),
					"inviteContext/assistanceRequestCode");
			assertInvalid(
					() -> new NewDeal(BUDAPEST, null, DealType.PartnerLed, DETAILS, valid.customer(), valid.consent(),
							valid.requirements(), List.of(MEMBER), null, null, spec(DealType.CoSell).attributes()),
					"inviteContext/assistanceRequestCode");
			assertInvalid(
					() -> new NewDeal(BUDAPEST, null, DealType.Private, DETAILS, valid.customer(), valid.consent(),
							valid.requirements(), List.of(MEMBER), null, "Join us", ReferralAttributes.NONE),
					"inviteContext/notes");
		}

	}

	@Nested
	class Inviting {

		@Test
		void theInviteeGetsAReceivedRecordOfTheSameEngagementWithoutTheInvitersOwnFields() {
			Referral deal = deal(DealType.PartnerToPartner);
			Referral invitation = DealRecords.invitation(deal, new ReferralId(UUID.randomUUID()), FABRIKAM, VIENNA,
					PARTNER, T0, WINDOW);

			assertThat(invitation.substatus()).isEqualTo(Substatus.Received);
			assertThat(invitation.engagementId()).isEqualTo(deal.engagementId());
			assertThat(invitation.direction()).isEqualTo(Direction.Incoming);
			assertThat(invitation.expiresAt()).isEqualTo(T0.plus(WINDOW));
			assertThat(invitation.engagement().inviter()).isEqualTo(new Inviter(CONTOSO, deal.id()));
			assertThat(invitation.name()).isEqualTo(deal.name());
			assertThat(invitation.dealValue()).isEqualTo(deal.dealValue());
			assertThat(invitation.inviteNotes()).isEqualTo("Could you run the demo?");
			assertThat(invitation.notes()).isNull();
			assertThat(invitation.team()).isEmpty();
			assertThat(invitation.externalReferenceId()).isNull();
			assertThat(invitation.campaignId()).isNull();
			assertThat(invitation.customer().contacts()).as("the customer did not agree to share them").isEmpty();
			assertThat(invitation.stage()).isNull();
			assertThat(invitation.locationOrganizationId()).isEqualTo(FABRIKAM);
			assertThat(invitation.pendingEvents()).singleElement().isInstanceOf(ReferralReceived.class);
			assertThat(invitation.pendingEngagementEvents()).singleElement()
				.isInstanceOfSatisfying(RelatedReferralCreated.class,
						created -> assertThat(created.inviter()).isEqualTo(new Inviter(CONTOSO, deal.id())));
		}

		@Test
		void customerContactsTravelOnlyWithTheCustomersConsentToShare() {
			Referral deal = DealRecords.create(new ReferralId(UUID.randomUUID()),
					spec(DealType.PartnerToPartner, new Consent(true, true)), CONTOSO, VENDOR, PARTNER, T0);
			Referral invitation = DealRecords.invitation(deal, new ReferralId(UUID.randomUUID()), FABRIKAM, VIENNA,
					PARTNER, T0, WINDOW);

			assertThat(invitation.customer().contacts()).containsExactly(CUSTOMER_CONTACT);
		}

		@Test
		void theVendorsRecordSitsOnThePartnersLocationAndIsNoLeadForIt() {
			Referral invitation = DealRecords.invitation(deal(DealType.CoSell), new ReferralId(UUID.randomUUID()),
					VENDOR, BUDAPEST, PARTNER, T0, WINDOW);

			assertThat(invitation.locationOrganizationId()).isEqualTo(CONTOSO);
			assertThat(invitation.visibleToVendor()).isTrue();
			assertThat(invitation.attributes().assistanceRequestCode()).isEqualTo("ProofOfConceptOrDemo");
			assertThat(invitation.pendingEvents()).isEmpty();
			assertThat(invitation.pendingEngagementEvents()).singleElement().isInstanceOf(RelatedReferralCreated.class);
		}

		@ParameterizedTest
		@EnumSource(value = DealType.class, names = { "PartnerLed", "Private" })
		void aDealThatInvitesNobodyHasNoInvitations(DealType type) {
			assertThatThrownBy(() -> DealRecords.invitation(deal(type), new ReferralId(UUID.randomUUID()), FABRIKAM,
					VIENNA, PARTNER, T0, WINDOW))
				.isInstanceOf(IllegalStateException.class);
		}

		@Test
		void acceptingTellsTheInviterAndStartsTheStages() {
			Referral invitation = invitation(DealType.PartnerToPartner);
			invitation.accept(
					DealDetails.of("Fabrikam side", DETAILS.value(), DETAILS.closingAt(), "We bring BI", null, null),
					List.of(), INVITEE, T0.plusSeconds(60));

			assertThat(invitation.stage()).isEqualTo(DealStage.Accepted);
			assertThat(answer(invitation).substatus()).isEqualTo(Substatus.Accepted);
			assertThat(answer(invitation).stage()).isEqualTo(DealStage.Accepted);
		}

		@Test
		void decliningTellsTheInviterWhy() {
			Referral invitation = invitation(DealType.CoSell);
			invitation.decline("NoCapacity", null, INVITEE, T0.plusSeconds(60));

			assertThat(answer(invitation).substatus()).isEqualTo(Substatus.Declined);
			assertThat(answer(invitation).reason()).isEqualTo("NoCapacity");
		}

		@Test
		void anUnansweredInvitationExpiresAndTheInviterIsTold() {
			Referral invitation = invitation(DealType.PartnerToPartner);
			assertThatThrownBy(() -> invitation.expire(T0.plus(WINDOW).minusSeconds(1)))
				.isInstanceOf(DomainException.class);

			invitation.expire(T0.plus(WINDOW));

			assertThat(invitation.substatus()).isEqualTo(Substatus.Expired);
			assertThat(answer(invitation).substatus()).isEqualTo(Substatus.Expired);
		}

		@Test
		void theInvitersOwnDealTellsNobody() {
			Referral deal = deal(DealType.CoSell);
			deal.moveTo(DealStage.Developed, PARTNER, T0.plusSeconds(60));
			deal.markWon(PARTNER, T0.plusSeconds(120));

			assertThat(deal.pendingEngagementEvents()).isEmpty();
		}

		private static RelatedReferralUpdated answer(Referral invitation) {
			return invitation.pendingEngagementEvents()
				.stream()
				.map(RelatedReferralUpdated.class::cast)
				.reduce((first, second) -> second)
				.orElseThrow();
		}

	}

	@Nested
	class Stages {

		@ParameterizedTest
		@EnumSource(value = DealStage.class, names = { "Accepted", "Qualified", "Developed", "Proposed", "Negotiated" })
		void anOpenDealMovesToEveryOtherOpenStageAfterAccepted(DealStage from) {
			for (DealStage to : List.of(DealStage.Qualified, DealStage.Developed, DealStage.Proposed,
					DealStage.Negotiated)) {
				Referral deal = at(from);
				deal.moveTo(to, PARTNER, T0.plusSeconds(600));

				assertThat(deal.stage()).isEqualTo(to);
				assertThat(deal.attributes().salesStage()).isEqualTo(to.salesStage());
				if (from == to) {
					assertThat(deal.pendingTimeline()).as(from + " to itself").isEmpty();
					continue;
				}
				assertThat(deal.pendingTimeline()).singleElement().satisfies(entry -> {
					assertThat(entry.action()).isEqualTo("stageChanged");
					assertThat(entry.changes().get("salesStage").from()).isEqualTo(from.name());
					assertThat(entry.changes().get("salesStage").to()).isEqualTo(to.name());
				});
				assertThat(deal.pendingEvents()).singleElement()
					.isInstanceOfSatisfying(ReferralUpdated.class,
							updated -> assertThat(updated.changedFields()).containsExactly("salesStage"));
			}
		}

		@ParameterizedTest
		@EnumSource(value = DealStage.class, names = { "Qualified", "Developed", "Proposed", "Negotiated" })
		void noDealGoesBackToAccepted(DealStage from) {
			assertRefused(() -> at(from).moveTo(DealStage.Accepted, PARTNER, T0.plusSeconds(600)),
					Reason.BACK_TO_ACCEPTED);
		}

		@Test
		void acceptedToAcceptedChangesNothing() {
			Referral deal = at(DealStage.Accepted);
			deal.moveTo(DealStage.Accepted, PARTNER, T0.plusSeconds(600));

			assertThat(deal.pendingTimeline()).isEmpty();
		}

		@ParameterizedTest
		@EnumSource(value = DealStage.class, names = { "Accepted", "Qualified", "Developed", "Proposed", "Negotiated" })
		void wonComesOnlyFromWinningTheDeal(DealStage from) {
			assertRefused(() -> at(from).moveTo(DealStage.Won, PARTNER, T0.plusSeconds(600)), Reason.WON);

			Referral deal = at(from);
			deal.markWon(PARTNER, T0.plusSeconds(600));
			assertThat(deal.stage()).isEqualTo(DealStage.Won);
			assertThat(deal.attributes().salesStage()).isEqualTo(SalesStage.Close);
		}

		@ParameterizedTest
		@EnumSource(DealStage.class)
		void aWonDealMovesNowhere(DealStage to) {
			assertRefused(() -> at(DealStage.Won).moveTo(to, PARTNER, T0.plusSeconds(600)), Reason.NOT_OPEN);
		}

		@ParameterizedTest
		@EnumSource(DealStage.class)
		void aLostDealKeepsItsStageAndMovesNowhere(DealStage to) {
			Referral deal = at(DealStage.Proposed);
			deal.markLost(LostReason.Price, PARTNER, T0.plusSeconds(600));

			assertThat(deal.stage()).isEqualTo(DealStage.Proposed);
			assertRefused(() -> deal.moveTo(to, PARTNER, T0.plusSeconds(700)), Reason.NOT_OPEN);
		}

		@ParameterizedTest
		@EnumSource(value = Substatus.class, names = { "Received", "Declined", "Expired" })
		void anInvitationNotAcceptedHasNoStages(Substatus substatus) {
			Referral invitation = invitation(DealType.PartnerToPartner);
			if (substatus == Substatus.Declined) {
				invitation.decline("NoCapacity", null, INVITEE, T0.plusSeconds(60));
			}
			else if (substatus == Substatus.Expired) {
				invitation.expire(T0.plus(WINDOW));
			}

			assertRefused(() -> invitation.moveTo(DealStage.Qualified, INVITEE, T0.plus(WINDOW).plusSeconds(1)),
					Reason.NOT_OPEN);
		}

		@Test
		void anAcceptedInvitationMovesAndTellsTheInviterItsStage() {
			Referral invitation = invitation(DealType.CoSell);
			invitation.accept(DETAILS, List.of(), INVITEE, T0.plusSeconds(60));
			invitation.moveTo(DealStage.Proposed, INVITEE, T0.plusSeconds(120));

			assertThat(invitation.pendingEngagementEvents()).last()
				.isInstanceOfSatisfying(RelatedReferralUpdated.class,
						updated -> assertThat(updated.stage()).isEqualTo(DealStage.Proposed));
		}

		@Test
		void aLeadHasNoSalesStages() {
			Referral lead = ReferralTests.in(Substatus.Accepted);

			assertRefused(() -> lead.moveTo(DealStage.Qualified, PARTNER, T0.plusSeconds(600)), Reason.LEAD);
			assertThat(lead.stage()).isNull();
		}

		@Test
		void anApiSalesStageMovesToItsStageUnlessTheDealIsInItAlready() {
			Referral deal = at(DealStage.Accepted);
			deal.moveTo(SalesStage.Qualify, PARTNER, T0.plusSeconds(600));
			assertThat(deal.stage()).isEqualTo(DealStage.Qualified);

			deal.moveTo(SalesStage.Close, PARTNER, T0.plusSeconds(700));
			assertThat(deal.stage()).isEqualTo(DealStage.Negotiated);

			deal.markPersisted(deal.version() + 1);
			deal.moveTo(SalesStage.Close, PARTNER, T0.plusSeconds(800));
			assertThat(deal.pendingTimeline()).isEmpty();
		}

		@Test
		void stagesWeighTheDealByTheirProbability() {
			assertThat(List.of(DealStage.values())).extracting(DealStage::percent)
				.containsExactly(10, 20, 40, 60, 80, 100);
		}

		@Test
		void aRefusalReadsInBothLanguages() {
			ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
			messages.setBasename("messages");
			messages.setDefaultEncoding("UTF-8");
			messages.setFallbackToSystemLocale(false);
			DealStageRefusedException back = refusal(
					() -> at(DealStage.Proposed).moveTo(DealStage.Accepted, PARTNER, T0.plusSeconds(600)));
			DealStageRefusedException won = refusal(
					() -> at(DealStage.Won).moveTo(DealStage.Qualified, PARTNER, T0.plusSeconds(600)));

			assertThat(messages.getMessage(back, Locale.ENGLISH)).contains("Proposed (60 %)")
				.contains("cannot go back to Accepted");
			assertThat(messages.getMessage(back, Locale.forLanguageTag("hu"))).contains("Ajánlat elküldve (60 %)")
				.contains("nem kerülhet vissza");
			assertThat(messages.getMessage(won, Locale.ENGLISH)).startsWith("This deal is Won:");
			assertThat(messages.getMessage(won, Locale.forLanguageTag("hu"))).startsWith("Ez az üzlet ")
				.doesNotContain("{0}");
		}

	}

	@Nested
	class Sharing {

		@Test
		void aPrivateDealSharedWithTheVendorBecomesPartnerLed() {
			Referral deal = deal(DealType.Private);
			deal.shareWithVendor(PARTNER, T0.plusSeconds(60));

			assertThat(deal.engagement().dealType()).isEqualTo(DealType.PartnerLed);
			assertThat(deal.visibleToVendor()).isTrue();
			assertThat(deal.attributes().consentToShareReferralWithMicrosoftSellers()).isTrue();
			assertThat(deal.pendingTimeline()).singleElement()
				.satisfies(entry -> assertThat(entry.action()).isEqualTo("sharedWithVendor"));
		}

		@Test
		void aSharedDealIsNotSharedAgain() {
			Referral deal = deal(DealType.PartnerLed);
			deal.shareWithVendor(PARTNER, T0.plusSeconds(60));

			assertThat(deal.pendingTimeline()).isEmpty();
		}

		@Test
		void partnerToPartnerDealsAndInvitationsAreNotShared() {
			assertInvalid(() -> deal(DealType.PartnerToPartner).shareWithVendor(PARTNER, T0),
					ReferralAttributes.CONSENT_TO_SHARE);
			assertInvalid(() -> invitation(DealType.PartnerToPartner).shareWithVendor(PARTNER, T0),
					ReferralAttributes.CONSENT_TO_SHARE);
		}

		@Test
		void anArchivedPrivateDealStaysPrivate() {
			Referral deal = deal(DealType.Private);
			deal.markLost(null, PARTNER, T0.plusSeconds(60));

			assertThatThrownBy(() -> deal.shareWithVendor(PARTNER, T0.plusSeconds(120))).isInstanceOfSatisfying(
					DomainException.class, refused -> assertThat(refused.code()).isEqualTo(ErrorCode.CONFLICT));
		}

	}

	private static void assertInvalid(Runnable action, String target) {
		assertThatThrownBy(action::run).isInstanceOfSatisfying(DomainException.class, refused -> {
			assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
			assertThat(refused.target()).isEqualTo(target);
		});
	}

	private static void assertRefused(Runnable action, Reason reason) {
		assertThat(refusal(action).reason()).isEqualTo(reason);
	}

	private static DealStageRefusedException refusal(Runnable action) {
		try {
			action.run();
		}
		catch (DealStageRefusedException refused) {
			assertThat(refused.code()).isEqualTo(ErrorCode.CONFLICT);
			return refused;
		}
		throw new AssertionError("The stage change was not refused");
	}

}
