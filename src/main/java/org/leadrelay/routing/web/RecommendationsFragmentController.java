package org.leadrelay.routing.web;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.leadrelay.routing.RecommendationQuery;
import org.leadrelay.routing.Recommendations;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.CompanySize;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The ranked partner locations shown beside the vendor's new lead form, loaded by htmx
 * whenever the customer's country, size or requirements change; the form's own fields are
 * the parameters (tags comma-separated, as the form takes them).
 */
@Controller
class RecommendationsFragmentController {

	private final Recommendations recommendations;

	RecommendationsFragmentController(Recommendations recommendations) {
		this.recommendations = recommendations;
	}

	@GetMapping("/leads/new/recommendations")
	String recommend(Caller caller, @RequestParam(required = false) @Nullable String industries,
			@RequestParam(required = false) @Nullable String products,
			@RequestParam(required = false) @Nullable String services,
			@RequestParam(required = false) @Nullable String country,
			@RequestParam(required = false) @Nullable CompanySize size, Model model) {
		model.addAttribute("recommendations", this.recommendations.recommend(caller,
				new RecommendationQuery(tags(industries), tags(products), tags(services), country, size)));
		return "routing/recommendations :: list";
	}

	private static List<String> tags(@Nullable String text) {
		return text == null ? List.of() : Arrays.asList(text.split(","));
	}

}
