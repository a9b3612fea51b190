package org.leadrelay.routing.api;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.Region;
import org.leadrelay.routing.Recommendation;
import org.leadrelay.routing.RecommendationQuery;
import org.leadrelay.routing.Recommendations;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.CompanySize;
import org.leadrelay.shared.DomainException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partner locations recommended for a new qualified lead, best first, for the vendor's
 * API clients and staff. Lists take comma-separated or repeated parameters; the
 * explanation follows {@code Accept-Language}.
 */
@RestController
@RequestMapping("/v1.0/routing/recommendations")
@Tag(name = "Routing")
class RecommendationsController {

	private final Recommendations recommendations;

	RecommendationsController(Recommendations recommendations) {
		this.recommendations = recommendations;
	}

	@GetMapping
	@Operation(summary = "Partner locations ranked for a lead, each with its score and explanation")
	RecommendationList recommend(Caller caller, @RequestParam(required = false) @Nullable List<String> industries,
			@RequestParam(required = false) @Nullable List<String> products,
			@RequestParam(required = false) @Nullable List<String> services,
			@RequestParam(required = false) @Nullable String country,
			@RequestParam(required = false) @Nullable String size) {
		if (country != null && !country.isBlank() && Region.of(country).isEmpty()) {
			throw DomainException.invalid("country", "country must be an ISO 3166-1 alpha-2 code, such as HU");
		}
		CompanySize companySize = (size == null || size.isBlank()) ? null : CompanySize.fromCode(size)
			.orElseThrow(() -> DomainException.invalid("size", "size must be one of " + sizeCodes()));
		List<RecommendationJson> value = this.recommendations
			.recommend(caller, new RecommendationQuery(industries, products, services, country, companySize))
			.stream()
			.map(RecommendationJson::of)
			.toList();
		return new RecommendationList(value);
	}

	private static String sizeCodes() {
		return String.join(", ", Arrays.stream(CompanySize.values()).map(CompanySize::code).toList());
	}

	record RecommendationList(List<RecommendationJson> value) {
	}

	record RecommendationJson(UUID locationId, UUID organizationId, String partnerName, String locationName,
			String city, String country, double score, String explanation) {

		static RecommendationJson of(Recommendation recommendation) {
			return new RecommendationJson(recommendation.locationId().value(), recommendation.organizationId().value(),
					recommendation.partnerName(), recommendation.locationName(), recommendation.city(),
					recommendation.country(), recommendation.score(), recommendation.explanation());
		}

	}

}
