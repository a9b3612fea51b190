package org.leadrelay.partner.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.leadrelay.partner.BusinessProfile;
import org.leadrelay.partner.Expertise;
import org.leadrelay.partner.ProfileChanges;
import org.leadrelay.partner.ProfileDetails;
import org.leadrelay.shared.CompanySize;

/**
 * A profile's details as the edit form posts them: the catalogue tags as checkboxes,
 * solutions as comma-separated text.
 *
 * @param version the version the form was filled in on
 */
record ProfileForm(int version, @NotBlank @Size(max = 200) @Nullable String name,
		@Size(max = ProfileDetails.MAX_DESCRIPTION) @Nullable String description,
		@Size(max = 500) @Nullable String website, @Size(max = 500) @Nullable String linkedIn,
		@Nullable List<String> industries, @Nullable List<String> products, @Nullable List<String> services,
		@Size(max = 2000) @Nullable String solutions, @NotEmpty @Nullable Set<CompanySize> customerSizes) {

	private static final Map<String, String> FIELDS = Map.of("name", "name", "description", "description", "website",
			"website", "linkedIn", "linkedIn", "industries", "industries", "products", "products", "services",
			"services", "solutions", "solutions", "customerSizes", "customerSizes");

	static ProfileForm of(BusinessProfile profile) {
		ProfileDetails details = profile.details();
		Expertise expertise = details.expertise();
		return new ProfileForm(profile.version(), details.name(), details.description(), details.website(),
				details.linkedIn(), expertise.industries(), expertise.products(), expertise.services(),
				String.join(", ", expertise.solutions()), details.customerSizes());
	}

	/** Every field: unticked boxes clear their tags, empty texts clear their field. */
	ProfileChanges changes() {
		return new ProfileChanges(this.name, blankIfNull(this.description), blankIfNull(this.website),
				blankIfNull(this.linkedIn), listOf(this.industries), listOf(this.products), listOf(this.services),
				this.solutions == null ? List.of()
						: Arrays.stream(this.solutions.split(","))
							.map(String::strip)
							.filter(s -> !s.isEmpty())
							.toList(),
				this.customerSizes == null ? Set.of() : this.customerSizes);
	}

	static @Nullable String field(String target) {
		return FIELDS.get(target);
	}

	private static String blankIfNull(@Nullable String text) {
		return text == null ? "" : text;
	}

	private static List<String> listOf(@Nullable List<String> values) {
		return values == null ? List.of() : values;
	}

}
