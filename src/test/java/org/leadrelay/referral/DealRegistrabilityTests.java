package org.leadrelay.referral;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadrelay.referral.RegistrationRefusedException.Reason;
import org.leadrelay.shared.OrganizationId;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which deals a partner may register with the vendor, and when: the deal answers it.
 */
class DealRegistrabilityTests {

	static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

	static final OrganizationId CONTOSO = new OrganizationId(UUID.randomUUID());

	static final List<String> PRODUCTS = List.of("Analytics Suite");

	@ParameterizedTest
	@EnumSource(value = DealType.class, names = { "CoSell", "PartnerLed" })
	void aWonCoSellOrPartnerLedDealIsRegistrableFrom72HoursAfterItWasCreated(DealType type) {
		Referral deal = TestDeals.won(type, CONTOSO, PRODUCTS, T0);

		assertThatCode(() -> requireRegistrable(deal, T0.plus(Duration.ofHours(72)))).doesNotThrowAnyException();
		assertThatCode(() -> requireRegistrable(deal, T0.plus(Duration.ofDays(30)))).doesNotThrowAnyException();
	}

	@Test
	void oneMomentBefore72HoursItIsRefusedNamingWhenItWillBePossible() {
		Referral deal = TestDeals.won(DealType.CoSell, CONTOSO, PRODUCTS, T0);

		assertThatThrownBy(() -> requireRegistrable(deal, T0.plus(Duration.ofHours(72)).minusMillis(1)))
			.isInstanceOfSatisfying(RegistrationRefusedException.class, refused -> {
				assertThat(refused.reason()).isEqualTo(Reason.TOO_EARLY);
				assertThat(refused).hasMessageContaining("72 hours").hasMessageContaining("2026-03-04T09:00:00Z");
			});
	}

	@ParameterizedTest
	@EnumSource(value = DealType.class, names = { "Private", "PartnerToPartner" })
	void privateAndPartnerToPartnerDealsAreNotRegistered(DealType type) {
		Referral deal = TestDeals.won(type, CONTOSO, PRODUCTS, T0);

		assertThatThrownBy(() -> requireRegistrable(deal, T0.plus(Duration.ofDays(5)))).isInstanceOfSatisfying(
				RegistrationRefusedException.class,
				refused -> assertThat(refused.reason()).isEqualTo(Reason.NOT_REGISTRABLE_TYPE));
	}

	@Test
	void anInvitationIsNotRegisteredByTheInvitee() {
		Referral invitation = TestDeals.invitation(CONTOSO, T0);

		assertThatThrownBy(() -> requireRegistrable(invitation, T0.plus(Duration.ofDays(5)))).isInstanceOfSatisfying(
				RegistrationRefusedException.class,
				refused -> assertThat(refused.reason()).isEqualTo(Reason.NOT_REGISTRABLE_TYPE));
	}

	@Test
	void anOpenOrLostDealIsNotRegistered() {
		Referral open = TestDeals.open(DealType.CoSell, CONTOSO, "Alpine Dairy", "HU", PRODUCTS, T0);
		Referral lost = TestDeals.open(DealType.CoSell, CONTOSO, "Alpine Dairy", "HU", PRODUCTS, T0);
		lost.markLost(LostReason.Price, TestDeals.PARTNER, T0.plusSeconds(60));

		for (Referral deal : List.of(open, lost)) {
			assertThatThrownBy(() -> requireRegistrable(deal, T0.plus(Duration.ofDays(5)))).isInstanceOfSatisfying(
					RegistrationRefusedException.class,
					refused -> assertThat(refused.reason()).isEqualTo(Reason.NOT_WON));
		}
	}

	@Test
	void aDealOfTheOwnSolutionsOnlyHasNoCatalogueProductToRegister() {
		Referral deal = TestDeals.won(DealType.CoSell, CONTOSO, List.of(), T0);

		assertThatThrownBy(() -> requireRegistrable(deal, T0.plus(Duration.ofDays(5)))).isInstanceOfSatisfying(
				RegistrationRefusedException.class,
				refused -> assertThat(refused.reason()).isEqualTo(Reason.NO_PRODUCT));
	}

	@Test
	void everyRefusalReadsInEnglishAndHungarian() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setUseCodeAsDefaultMessage(false);
		Referral deal = TestDeals.won(DealType.CoSell, CONTOSO, PRODUCTS, T0);
		RegistrationRefusedException early = (RegistrationRefusedException) org.assertj.core.api.Assertions
			.catchThrowable(() -> requireRegistrable(deal, T0.plusSeconds(3600)));

		for (Reason reason : Reason.values()) {
			String key = "registration.refused." + reason.name().toLowerCase(Locale.ROOT);
			assertThat(messages.getMessage(key, new Object[] { new java.util.Date() }, Locale.ENGLISH)).isNotBlank();
			assertThat(messages.getMessage(key, new Object[] { new java.util.Date() }, Locale.forLanguageTag("hu")))
				.isNotEqualTo(messages.getMessage(key, new Object[] { new java.util.Date() }, Locale.ENGLISH));
		}
		assertThat(messages.getMessage(early, Locale.ENGLISH)).contains("72");
		assertThat(messages.getMessage(early, Locale.forLanguageTag("hu"))).contains("72");
	}

	/** The deal's answer, thrown as registering a deal throws it. */
	private static void requireRegistrable(Referral deal, Instant now) {
		deal.registrationRefusal(now).ifPresent(refusal -> {
			throw refusal;
		});
	}

}
