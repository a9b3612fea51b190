package org.leadrelay.routing;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.leadrelay.partner.Expertise;
import org.leadrelay.partner.LocationId;
import org.leadrelay.referral.SimilarLeads;
import org.leadrelay.shared.CompanySize;
import org.leadrelay.shared.OrganizationId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ranking's signals and how history moves a partner: declines of a kind of lead push
 * it down, acceptances and wins lift it.
 */
class RankingModelTests {

	static final RecommendationQuery RETAIL_IN_HUNGARY = new RecommendationQuery(List.of("Retail"),
			List.of("Dynamics 365"), List.of(), "HU", CompanySize.EMPLOYEES_51_TO_250);

	@Test
	void aPartnerThatKeepsDecliningAKindOfLeadDropsBelowOneThatAcceptsIt() {
		OrganizationId budapest = new OrganizationId(UUID.randomUUID());
		OrganizationId vienna = new OrganizationId(UUID.randomUUID());
		// before any history the Hungarian partner leads: the customer is in Hungary
		assertThat(score(candidate(budapest, "HU", SimilarLeads.none(budapest))))
			.isGreaterThan(score(candidate(vienna, "AT", SimilarLeads.none(vienna))));

		double decliner = score(candidate(budapest, "HU", new SimilarLeads(budapest, 0, 4, 0)));
		double accepter = score(candidate(vienna, "AT", new SimilarLeads(vienna, 4, 0, 0)));

		assertThat(decliner).isLessThan(accepter);
	}

	@Test
	void reportedWinsRankHigherAndADeclineWeighsMoreThanAnAcceptance() {
		OrganizationId partner = new OrganizationId(UUID.randomUUID());
		double accepted = RankingModel.history(new SimilarLeads(partner, 4, 0, 0));
		double won = RankingModel.history(new SimilarLeads(partner, 4, 0, 2));
		double balanced = RankingModel.history(new SimilarLeads(partner, 2, 2, 0));

		assertThat(won).isGreaterThan(accepted);
		assertThat(RankingModel.history(SimilarLeads.none(partner))).isEqualTo(0.5);
		assertThat(balanced).as("as many declines as acceptances is below neutral").isLessThan(0.5);
	}

	@Test
	void signalsWeighTagsSizeAndCountry() {
		OrganizationId partner = new OrganizationId(UUID.randomUUID());
		Signals signals = RankingModel.signals(RETAIL_IN_HUNGARY,
				new Candidate(location(partner, "AT"), "Fabrikam",
						new Expertise(List.of("retail"), List.of(), List.of(), List.of()),
						EnumSet.of(CompanySize.EMPLOYEES_1_TO_9), ResponsivenessScore.neutral(partner),
						SimilarLeads.none(partner)));

		assertThat(signals.matchedTags()).containsExactly("Retail");
		assertThat(signals.tags()).isEqualTo(0.5);
		assertThat(signals.size()).isZero();
		assertThat(signals.country()).as("Austria is in Hungary's region").isEqualTo(0.5);
		assertThat(RankingModel.country("HU", "US")).isZero();
		// 0.40 * 0.5 + 0.10 * 0 + 0.15 * 0.5 + 0.15 * 0.5 + 0.20 * 0.5
		assertThat(signals.score()).isEqualTo(0.45);
	}

	@Test
	void aCustomerInAnOlderBandFitsAPartnerServingABandThatOverlapsIt() {
		OrganizationId partner = new OrganizationId(UUID.randomUUID());
		RecommendationQuery olderBand = new RecommendationQuery(List.of("Retail"), List.of(), List.of(), "HU",
				CompanySize.EMPLOYEES_51_TO_500);

		assertThat(sizeFit(olderBand, partner, CompanySize.EMPLOYEES_251_TO_1000)).isEqualTo(1);
		assertThat(sizeFit(olderBand, partner, CompanySize.EMPLOYEES_1_TO_9, CompanySize.EMPLOYEES_10_TO_50)).isZero();
	}

	private static double sizeFit(RecommendationQuery query, OrganizationId partner, CompanySize... served) {
		return RankingModel
			.signals(query,
					new Candidate(location(partner, "HU"), "Contoso", Expertise.NONE, EnumSet.copyOf(List.of(served)),
							ResponsivenessScore.neutral(partner), SimilarLeads.none(partner)))
			.size();
	}

	private static double score(Candidate candidate) {
		return RankingModel.signals(RETAIL_IN_HUNGARY, candidate).score();
	}

	/** A partner serving every size with both tags, answering in 4 hours. */
	private static Candidate candidate(OrganizationId partner, String country, SimilarLeads history) {
		return new Candidate(location(partner, country), "Partner " + country,
				new Expertise(List.of("Retail"), List.of("Dynamics 365"), List.of(), List.of()),
				EnumSet.allOf(CompanySize.class), ResponsivenessScore.of(partner, 10, 0, Duration.ofHours(4)), history);
	}

	private static Place location(OrganizationId partner, String country) {
		return new Place(new LocationId(UUID.randomUUID()), partner, "Office " + country, "City", country);
	}

}
