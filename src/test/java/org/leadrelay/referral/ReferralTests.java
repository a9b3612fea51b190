package org.leadrelay.referral;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.leadrelay.partner.LocationId;
import org.leadrelay.referral.ReferralEvent.ReferralAccepted;
import org.leadrelay.referral.ReferralEvent.ReferralDeclined;
import org.leadrelay.referral.ReferralEvent.ReferralExpired;
import org.leadrelay.referral.ReferralEvent.ReferralLost;
import org.leadrelay.referral.ReferralEvent.ReferralReceived;
import org.leadrelay.referral.ReferralEvent.ReferralUpdated;
import org.leadrelay.referral.ReferralEvent.ReferralWon;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.ErrorCode;
import org.leadrelay.shared.OrganizationId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every allowed and every forbidden transition of the referral lifecycle.
 */
class ReferralTests {

	static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

	static final Duration WINDOW = Duration.ofDays(14);

	static final Actor PARTNER = new Actor("user:1", "Anna Kovács", Source.UI);

	static final Actor SENDER = new Actor("client:northwind", "Northwind CRM", Source.API);

	static final DealDetails DEAL = DealDetails.of("ERP rollout", Money.of(new BigDecimal("25000"), "EUR"),
			Instant.parse("2026-06-30T00:00:00Z"), "Wants three warehouses live by summer", "CRM-1", null);

	static final TeamMember MEMBER = TeamMember.of("team/0", "Bence", "Szabó", "+36 1 555 0100",
			"bence@contoso.example");

	static Referral received() {
		NewReferral spec = new NewReferral(new LocationId(UUID.randomUUID()), Qualification.SalesQualified,
				ReferralType.Independent, "Deal from the roadshow", null,
				new Customer("Alpine Dairy", Address.of(null, null, "Debrecen", null, null, "HU"), null, List.of()),
				new Consent(true, false), Requirements.NONE, "Needs an ERP", null, null, true, null);
		Referral referral = Referral.receive(new ReferralId(UUID.randomUUID()), spec,
				new OrganizationId(UUID.randomUUID()), new OrganizationId(UUID.randomUUID()), SENDER, T0, WINDOW);
		referral.markPersisted(1);
		return referral;
	}

	static Referral in(Substatus stage) {
		Referral referral = received();
		Instant later = T0.plus(Duration.ofHours(2));
		switch (stage) {
			case Received -> {
			}
			case Accepted -> referral.accept(DEAL, List.of(), PARTNER, later);
			case Won -> {
				referral.accept(DEAL, List.of(), PARTNER, later);
				referral.markWon(PARTNER, later.plusSeconds(60));
			}
			case Lost -> {
				referral.accept(DEAL, List.of(), PARTNER, later);
				referral.markLost(null, PARTNER, later.plusSeconds(60));
			}
			case Declined -> referral.decline("NoCapacity", null, PARTNER, later);
			case Expired -> referral.expire(T0.plus(WINDOW));
		}
		referral.markPersisted(referral.version() + 1);
		return referral;
	}

	@Test
	void aNewReferralIsReceivedForTheResponseWindow() {
		NewReferral spec = new NewReferral(new LocationId(UUID.randomUUID()), Qualification.Direct,
				ReferralType.Independent, null, null,
				new Customer("Alpine Dairy", Address.of(null, null, null, null, null, "hu"), null, List.of()),
				new Consent(true, false), Requirements.NONE, null, null, null, true, null);
		Referral referral = Referral.receive(new ReferralId(UUID.randomUUID()), spec,
				new OrganizationId(UUID.randomUUID()), new OrganizationId(UUID.randomUUID()), SENDER, T0, WINDOW);

		assertThat(referral.substatus()).isEqualTo(Substatus.Received);
		assertThat(referral.status()).isEqualTo(Status.New);
		assertThat(referral.expiresAt()).isEqualTo(T0.plus(WINDOW));
		assertThat(referral.contactRequestedAt()).isEqualTo(T0);
		assertThat(referral.customer().address().country()).isEqualTo("HU");
		assertThat(referral.pendingEvents()).singleElement().isInstanceOf(ReferralReceived.class);
		assertThat(referral.pendingTimeline()).singleElement()
			.satisfies(entry -> assertThat(entry.action()).isEqualTo("received"));
	}

	@Nested
	class Allowed {

		@Test
		void acceptingStoresTheDealAndRecordsWhatChanged() {
			Referral referral = received();
			TeamMember contact = TeamMember.of("customerProfile/team/-", "Eszter", "Nagy", null,
					"eszter@alpine.example");

			referral.accept(DEAL, List.of(contact), PARTNER, T0.plusSeconds(3600));

			assertThat(referral.substatus()).isEqualTo(Substatus.Accepted);
			assertThat(referral.status()).isEqualTo(Status.Active);
			assertThat(referral.acceptedAt()).isEqualTo(T0.plusSeconds(3600));
			assertThat(referral.name()).isEqualTo("ERP rollout");
			assertThat(referral.dealValue()).isEqualTo(Money.of(new BigDecimal("25000.00"), "EUR"));
			assertThat(referral.externalReferenceId()).isEqualTo("CRM-1");
			assertThat(referral.customer().contacts()).containsExactly(contact);
			assertThat(referral.pendingEvents()).last().isInstanceOf(ReferralAccepted.class);
			assertThat(referral.pendingTimeline()).last().satisfies(entry -> {
				assertThat(entry.action()).isEqualTo("accepted");
				assertThat(entry.actor()).isEqualTo(PARTNER);
				assertThat(entry.changes()).containsKeys("substatus", "name", "details/dealValue", "details/currency",
						"details/closingDateTime", "details/notes", "externalReferenceId", "customerProfile/team/0");
				assertThat(entry.changes().get("name").from()).isEqualTo("Deal from the roadshow");
			});
		}

		@Test
		void decliningArchivesWithTheReason() {
			Referral referral = received();

			referral.decline("OutsideOurRegion", "We only serve Budapest", PARTNER, T0.plusSeconds(60));

			assertThat(referral.substatus()).isEqualTo(Substatus.Declined);
			assertThat(referral.status()).isEqualTo(Status.Closed);
			assertThat(referral.statusReason()).isEqualTo("OutsideOurRegion");
			assertThat(referral.closedAt()).isEqualTo(T0.plusSeconds(60));
			assertThat(referral.pendingEvents()).last()
				.isEqualTo(new ReferralDeclined(referral.id(), referral.organizationId(), "OutsideOurRegion",
						"We only serve Budapest", PARTNER.name(), T0.plusSeconds(60)));
		}

		@Test
		void theSystemExpiresAnUnansweredReferralOnceTheWindowHasPassed() {
			Referral referral = received();

			referral.expire(T0.plus(WINDOW));

			assertThat(referral.substatus()).isEqualTo(Substatus.Expired);
			assertThat(referral.closedAt()).isEqualTo(T0.plus(WINDOW));
			assertThat(referral.pendingEvents()).last().isInstanceOf(ReferralExpired.class);
			assertThat(referral.pendingTimeline()).last()
				.satisfies(entry -> assertThat(entry.actor()).isEqualTo(Actor.SYSTEM));
		}

		@Test
		void anAcceptedReferralCanBeEdited() {
			Referral referral = in(Substatus.Accepted);
			DealDetails bigger = DealDetails.of("ERP rollout, phase 2", Money.of(new BigDecimal("40000"), "EUR"),
					DEAL.closingAt(), DEAL.notes(), null, "SPRING-26");

			referral.edit(bigger, PARTNER, T0.plus(Duration.ofDays(3)));

			assertThat(referral.name()).isEqualTo("ERP rollout, phase 2");
			assertThat(referral.externalReferenceId()).isNull();
			assertThat(referral.campaignId()).isEqualTo("SPRING-26");
			assertThat(referral.pendingEvents()).singleElement()
				.isInstanceOfSatisfying(ReferralUpdated.class, event -> assertThat(event.changedFields())
					.containsExactly("name", "details/dealValue", "externalReferenceId", "campaignId"));
		}

		@Test
		void anEditThatChangesNothingRecordsNothing() {
			Referral referral = in(Substatus.Accepted);

			referral.edit(DEAL, PARTNER, T0.plus(Duration.ofDays(3)));

			assertThat(referral.pendingEvents()).isEmpty();
			assertThat(referral.pendingTimeline()).isEmpty();
		}

		@Test
		void anAcceptedReferralGetsTeamMembersAndCustomerContacts() {
			Referral referral = in(Substatus.Accepted);
			TeamMember contact = TeamMember.of("customerProfile/team/-", null, null, null, "cfo@alpine.example");

			referral.addTeamMember(MEMBER, PARTNER, T0.plus(Duration.ofDays(1)));
			referral.addCustomerContact(contact, PARTNER, T0.plus(Duration.ofDays(1)));

			assertThat(referral.team()).containsExactly(MEMBER);
			assertThat(referral.customer().contacts()).containsExactly(contact);
			assertThat(referral.pendingTimeline()).extracting(Referral.PendingEntry::action)
				.containsExactly("teamChanged", "customerContactAdded");
		}

		@Test
		void anAcceptedReferralIsWon() {
			Referral referral = in(Substatus.Accepted);

			referral.markWon(PARTNER, T0.plus(Duration.ofDays(20)));

			assertThat(referral.substatus()).isEqualTo(Substatus.Won);
			assertThat(referral.closedAt()).isEqualTo(T0.plus(Duration.ofDays(20)));
			assertThat(referral.pendingEvents()).singleElement().isInstanceOf(ReferralWon.class);
		}

		@Test
		void anAcceptedReferralIsLostWithOrWithoutAReason() {
			Referral withReason = in(Substatus.Accepted);
			Referral withoutReason = in(Substatus.Accepted);

			withReason.markLost(LostReason.Price, PARTNER, T0.plus(Duration.ofDays(20)));
			withoutReason.markLost(null, PARTNER, T0.plus(Duration.ofDays(20)));

			assertThat(withReason.substatus()).isEqualTo(Substatus.Lost);
			assertThat(withReason.statusReason()).isEqualTo("Price");
			assertThat(withReason.pendingEvents()).singleElement()
				.isInstanceOfSatisfying(ReferralLost.class,
						event -> assertThat(event.reason()).isEqualTo(LostReason.Price));
			assertThat(withoutReason.statusReason()).isNull();
		}

		@Test
		void anAcceptedWonOrLostReferralIsLinkedToItsCrmRecordOnce() {
			Actor crm = new Actor("system", "Salesforce", Source.SYSTEM);
			for (Substatus stage : List.of(Substatus.Accepted, Substatus.Won, Substatus.Lost)) {
				Referral referral = in(stage);

				referral.linkCrmRecord("006Dn000004C9xYIAS", crm, T0.plus(Duration.ofDays(3)));
				referral.linkCrmRecord("006Dn000004C9xYIAS", crm, T0.plus(Duration.ofDays(4)));

				assertThat(referral.substatus()).isEqualTo(stage);
				assertThat(referral.externalReferenceId()).isEqualTo("006Dn000004C9xYIAS");
				assertThat(referral.pendingTimeline()).singleElement().satisfies(entry -> {
					assertThat(entry.action()).isEqualTo("crmLinked");
					assertThat(entry.actor().source()).isEqualTo(Source.SYSTEM);
					assertThat(entry.changes().get("externalReferenceId"))
						.isEqualTo(new TimelineEntry.FieldChange("CRM-1", "006Dn000004C9xYIAS"));
				});
				assertThat(referral.pendingEvents()).singleElement()
					.isInstanceOfSatisfying(ReferralUpdated.class,
							event -> assertThat(event.changedFields()).containsExactly("externalReferenceId"));
			}
		}

		@Test
		void aContactRequestIsUrgentFor72Hours() {
			Referral referral = received();

			assertThat(referral.isContactRequestUrgent(T0.plus(Duration.ofHours(71)), Duration.ofHours(72))).isTrue();
			assertThat(referral.isContactRequestUrgent(T0.plus(Duration.ofHours(72)), Duration.ofHours(72))).isFalse();
		}

	}

	@Nested
	class Forbidden {

		static Stream<Arguments> transitions() {
			List<Named> actions = List.of(
					new Named("accept", referral -> referral.accept(DEAL, List.of(), PARTNER, T0.plusSeconds(7200))),
					new Named("decline", referral -> referral.decline("Spam", null, PARTNER, T0.plusSeconds(7200))),
					new Named("expire", referral -> referral.expire(T0.plus(WINDOW).plusSeconds(1))),
					new Named("edit", referral -> referral.edit(DEAL, PARTNER, T0.plusSeconds(7200))),
					new Named("addTeamMember",
							referral -> referral.addTeamMember(MEMBER, PARTNER, T0.plusSeconds(7200))),
					new Named("replaceTeam",
							referral -> referral.replaceTeam(List.of(MEMBER), PARTNER, T0.plusSeconds(7200))),
					new Named("addCustomerContact",
							referral -> referral.addCustomerContact(MEMBER, PARTNER, T0.plusSeconds(7200))),
					new Named("markWon", referral -> referral.markWon(PARTNER, T0.plusSeconds(7200))),
					new Named("markLost", referral -> referral.markLost(null, PARTNER, T0.plusSeconds(7200))),
					new Named("linkCrmRecord",
							referral -> referral.linkCrmRecord("0061", PARTNER, T0.plusSeconds(7200))));
			return Stream.of(Substatus.values())
				.flatMap(stage -> actions.stream()
					.filter(action -> !allowed(stage, action.name()))
					.map(action -> Arguments.of(stage, action)));
		}

		private static boolean allowed(Substatus stage, String action) {
			return switch (stage) {
				case Received -> List.of("accept", "decline", "expire").contains(action);
				case Accepted -> List.of("edit", "addTeamMember", "replaceTeam", "addCustomerContact", "markWon",
						"markLost", "linkCrmRecord")
					.contains(action);
				case Won, Lost -> action.equals("linkCrmRecord");
				default -> false;
			};
		}

		@ParameterizedTest(name = "{1} on a {0} referral is refused")
		@MethodSource("transitions")
		void isRefusedWithAConflictAndChangesNothing(Substatus stage, Named action) {
			Referral referral = in(stage);
			int version = referral.version();

			assertThatThrownBy(() -> action.apply().accept(referral)).isInstanceOfSatisfying(DomainException.class,
					ex -> {
						assertThat(ex.code()).isEqualTo(ErrorCode.CONFLICT);
						assertThat(ex.getMessage()).contains(stage.name());
					});
			assertThat(referral.substatus()).isEqualTo(stage);
			assertThat(referral.version()).isEqualTo(version);
			assertThat(referral.pendingEvents()).isEmpty();
			assertThat(referral.pendingTimeline()).isEmpty();
		}

		@Test
		void aReferralDoesNotExpireBeforeItsWindowEnds() {
			Referral referral = received();

			assertThatThrownBy(() -> referral.expire(T0.plus(WINDOW).minusSeconds(1)))
				.isInstanceOf(DomainException.class)
				.hasMessageContaining("cannot expire before");
			assertThat(referral.substatus()).isEqualTo(Substatus.Received);
		}

		@Test
		void noAnswerIsTakenOnceTheWindowHasEnded() {
			Referral accepting = received();
			Referral declining = received();

			assertThatThrownBy(() -> accepting.accept(DEAL, List.of(), PARTNER, T0.plus(WINDOW)))
				.hasMessageContaining("response window");
			assertThatThrownBy(() -> declining.decline("Spam", null, PARTNER, T0.plus(WINDOW)))
				.hasMessageContaining("response window");
			assertThat(accepting.substatus()).isEqualTo(Substatus.Received);
		}

	}

	/**
	 * What other modules ask a referral instead of comparing stages, answered for every
	 * stage.
	 */
	@Nested
	class Questions {

		/** After every stage's last change, well within the response window. */
		static final Instant DURING = T0.plus(Duration.ofDays(1));

		@ParameterizedTest(name = "a {0} referral")
		@EnumSource(Substatus.class)
		void onlyAReceivedReferralAwaitsAResponseUntilTheWindowEnds(Substatus stage) {
			Referral referral = in(stage);
			boolean received = stage == Substatus.Received;

			assertThat(referral.awaitsResponse(DURING)).isEqualTo(received);
			assertThat(referral.awaitsResponse(T0.plus(WINDOW).minusSeconds(1))).isEqualTo(received);
			assertThat(referral.awaitsResponse(T0.plus(WINDOW))).isFalse();
			assertThat(referral.responseTimeLeft(DURING)).isEqualTo(received ? Duration.ofDays(13) : null);
			assertThat(referral.responseTimeLeft(T0.plus(WINDOW))).isNull();
		}

		@ParameterizedTest(name = "a {0} referral")
		@EnumSource(Substatus.class)
		void onlyAReceivedReferralMissesItsResponseWindowOnceItEnds(Substatus stage) {
			Referral referral = in(stage);

			assertThat(referral.missedResponseWindow(T0.plus(WINDOW).minusSeconds(1))).isFalse();
			assertThat(referral.missedResponseWindow(T0.plus(WINDOW))).isEqualTo(stage == Substatus.Received);
			assertThat(referral.missedResponseWindow(T0.plus(WINDOW).plus(Duration.ofDays(30))))
				.isEqualTo(stage == Substatus.Received);
		}

		@ParameterizedTest(name = "a {0} referral")
		@EnumSource(Substatus.class)
		void onlyAnAcceptedReferralIsWorkable(Substatus stage) {
			assertThat(in(stage).isWorkable()).isEqualTo(stage == Substatus.Accepted);
		}

		@ParameterizedTest(name = "a {0} referral")
		@EnumSource(Substatus.class)
		void acceptedWonAndLostReferralsAreDeals(Substatus stage) {
			assertThat(in(stage).isDeal())
				.isEqualTo(stage == Substatus.Accepted || stage == Substatus.Won || stage == Substatus.Lost);
		}

		@ParameterizedTest(name = "a {0} referral")
		@EnumSource(Substatus.class)
		void wonLostDeclinedAndExpiredReferralsAreArchived(Substatus stage) {
			assertThat(in(stage).isArchived()).isEqualTo(stage != Substatus.Received && stage != Substatus.Accepted);
		}

		@ParameterizedTest(name = "a {0} referral")
		@EnumSource(Substatus.class)
		void aContactRequestIsUnansweredOnlyWhileReceived(Substatus stage) {
			assertThat(in(stage).contactRequestUnanswered()).isEqualTo(stage == Substatus.Received);
		}

		@ParameterizedTest(name = "a {0} referral")
		@EnumSource(Substatus.class)
		void aContactRequestIsUrgentOnlyWhileUnanswered(Substatus stage) {
			assertThat(in(stage).isContactRequestUrgent(T0, Duration.ofHours(72)))
				.isEqualTo(stage == Substatus.Received);
		}

		@Test
		void withoutAContactRequestNoneIsUnanswered() {
			NewReferral spec = new NewReferral(new LocationId(UUID.randomUUID()), Qualification.Direct,
					ReferralType.Independent, null, null,
					new Customer("Alpine Dairy", Address.of(null, null, null, null, null, "HU"), null, List.of()),
					new Consent(true, false), Requirements.NONE, null, null, null, false, null);
			Referral referral = Referral.receive(new ReferralId(UUID.randomUUID()), spec,
					new OrganizationId(UUID.randomUUID()), new OrganizationId(UUID.randomUUID()), SENDER, T0, WINDOW);

			assertThat(referral.contactRequestUnanswered()).isFalse();
			assertThat(referral.isContactRequestUrgent(T0, Duration.ofHours(72))).isFalse();
		}

	}

	/** An action with a name for readable test output. */
	record Named(String name, Consumer<Referral> apply) {

		@Override
		public String toString() {
			return this.name;
		}

	}

}
