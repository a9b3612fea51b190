package org.leadrelay.referral.registration;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leadrelay.referral.Actor;
import org.leadrelay.referral.DealType;
import org.leadrelay.referral.Money;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.RegistrationRefusedException;
import org.leadrelay.referral.Source;
import org.leadrelay.referral.TestDeals;
import org.leadrelay.referral.TimelineEntry.FieldChange;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.ErrorCode;
import org.leadrelay.shared.OrganizationId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every allowed and forbidden transition of a deal registration, and what each notes on
 * the deal's timeline.
 */
class DealRegistrationTests {

	static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

	static final Instant LATER = T0.plus(Duration.ofHours(72));

	static final OrganizationId CONTOSO = new OrganizationId(UUID.randomUUID());

	static final Actor ADMIN = new Actor("user:9", "Vera Vendor", Source.UI);

	static final List<String> PRODUCTS = List.of("Analytics Suite", "Data Lake");

	static DealRegistration pending() {
		Referral deal = TestDeals.won(DealType.CoSell, CONTOSO, PRODUCTS, T0);
		DealRegistration registration = DealRegistration.register(UUID.randomUUID(), deal, List.of(), null,
				TestDeals.PARTNER, LATER);
		registration.markPersisted(1);
		return registration;
	}

	@Test
	void aWonDealIsRegisteredPendingForAllItsProductsAndItsValueWithATimelineEntry() {
		Referral deal = TestDeals.won(DealType.PartnerLed, CONTOSO, PRODUCTS, T0);

		DealRegistration registration = DealRegistration.register(UUID.randomUUID(), deal, List.of(), null,
				TestDeals.PARTNER, LATER);

		assertThat(registration.status()).isEqualTo(RegistrationStatus.Pending);
		assertThat(registration.isPending()).isTrue();
		assertThat(registration.products()).containsExactlyElementsOf(PRODUCTS);
		assertThat(registration.value()).isEqualTo(deal.dealValue());
		assertThat(registration.referralId()).isEqualTo(deal.id());
		assertThat(registration.vendorOrganizationId()).isEqualTo(TestDeals.VENDOR);
		assertThat(registration.pendingNotes()).singleElement().satisfies(note -> {
			assertThat(note.action()).isEqualTo("registered");
			assertThat(note.referralId()).isEqualTo(deal.id());
			assertThat(note.changes()).containsEntry("registrationStatus", new FieldChange(null, "Pending"));
		});
	}

	@Test
	void itMayNameSomeOfTheDealsProductsAndTheContractValue() {
		Referral deal = TestDeals.won(DealType.CoSell, CONTOSO, PRODUCTS, T0);
		Money contract = Money.of(new BigDecimal("35000"), "EUR");

		DealRegistration registration = DealRegistration.register(UUID.randomUUID(), deal, List.of("Data Lake"),
				contract, TestDeals.PARTNER, LATER);

		assertThat(registration.products()).containsExactly("Data Lake");
		assertThat(registration.value()).isEqualTo(contract);
	}

	@Test
	void aProductTheDealDoesNotNameIsRefused() {
		Referral deal = TestDeals.won(DealType.CoSell, CONTOSO, PRODUCTS, T0);

		assertThatThrownBy(() -> DealRegistration.register(UUID.randomUUID(), deal, List.of("Quantum Cloud"), null,
				TestDeals.PARTNER, LATER))
			.isInstanceOfSatisfying(DomainException.class,
					refused -> assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_REQUEST))
			.hasMessageContaining("Quantum Cloud");
	}

	@Test
	void registeringBefore72HoursIsRefusedByTheDeal() {
		Referral deal = TestDeals.won(DealType.CoSell, CONTOSO, PRODUCTS, T0);

		assertThatThrownBy(() -> DealRegistration.register(UUID.randomUUID(), deal, List.of(), null, TestDeals.PARTNER,
				LATER.minusSeconds(1)))
			.isInstanceOf(RegistrationRefusedException.class);
	}

	@Test
	void approvingMakesItApprovedWithAnOptionalReason() {
		DealRegistration registration = pending();

		registration.approve(null, ADMIN, LATER.plusSeconds(60));

		assertThat(registration.status()).isEqualTo(RegistrationStatus.Approved);
		assertThat(registration.statusReason()).isNull();
		assertThat(registration.decidedByName()).isEqualTo("Vera Vendor");
		assertThat(registration.decidedAt()).isEqualTo(LATER.plusSeconds(60));
		assertThat(registration.pendingNotes()).singleElement()
			.satisfies(note -> assertThat(note.action()).isEqualTo("registrationApproved"));
	}

	@Test
	void rejectingNeedsAReasonAndRecordsIt() {
		DealRegistration registration = pending();

		assertThatThrownBy(() -> registration.reject(" ", ADMIN, LATER)).isInstanceOf(DomainException.class)
			.hasMessageContaining("reason");
		assertThatThrownBy(() -> registration.reject(null, ADMIN, LATER)).isInstanceOf(DomainException.class);
		assertThat(registration.isPending()).isTrue();

		registration.reject("Customer already served by the vendor", ADMIN, LATER);

		assertThat(registration.status()).isEqualTo(RegistrationStatus.Rejected);
		assertThat(registration.statusReason()).isEqualTo("Customer already served by the vendor");
		assertThat(registration.pendingNotes()).singleElement().satisfies(note -> {
			assertThat(note.action()).isEqualTo("registrationRejected");
			assertThat(note.changes()).containsEntry("registrationReason",
					new FieldChange(null, "Customer already served by the vendor"));
		});
	}

	@Test
	void aDecisionIsFinal() {
		DealRegistration approved = pending();
		approved.approve("Fits the program", ADMIN, LATER);
		DealRegistration rejected = pending();
		rejected.reject("Duplicate", ADMIN, LATER);

		for (DealRegistration decided : List.of(approved, rejected)) {
			assertThatThrownBy(() -> decided.approve(null, ADMIN, LATER)).isInstanceOfSatisfying(DomainException.class,
					refused -> assertThat(refused.code()).isEqualTo(ErrorCode.CONFLICT));
			assertThatThrownBy(() -> decided.reject("No", ADMIN, LATER)).isInstanceOfSatisfying(DomainException.class,
					refused -> assertThat(refused.code()).isEqualTo(ErrorCode.CONFLICT));
		}
	}

}
