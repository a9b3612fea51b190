package org.leadrelay.partner;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.CompanySize;

/**
 * A partial change of a profile's details: what is given replaces the current value, what
 * is null stays; an empty text clears an optional field.
 */
public record ProfileChanges(@Nullable String name, @Nullable String description, @Nullable String website,
		@Nullable String linkedIn, @Nullable List<String> industries, @Nullable List<String> products,
		@Nullable List<String> services, @Nullable List<String> solutions, @Nullable Set<CompanySize> customerSizes) {

	/** Every field, as a form that edits the whole profile posts it. */
	public static ProfileChanges of(ProfileDetails details) {
		Expertise expertise = details.expertise();
		return new ProfileChanges(details.name(), details.description() == null ? "" : details.description(),
				details.website() == null ? "" : details.website(),
				details.linkedIn() == null ? "" : details.linkedIn(), expertise.industries(), expertise.products(),
				expertise.services(), expertise.solutions(), details.customerSizes());
	}

	@Nullable List<String> of(CatalogueKind kind) {
		return switch (kind) {
			case INDUSTRY -> this.industries;
			case PRODUCT -> this.products;
			case SERVICE -> this.services;
		};
	}

	ProfileDetails applyTo(ProfileDetails current) {
		Expertise expertise = current.expertise();
		return new ProfileDetails(this.name != null ? this.name : current.name(),
				this.description != null ? this.description : current.description(),
				this.website != null ? this.website : current.website(),
				this.linkedIn != null ? this.linkedIn : current.linkedIn(),
				new Expertise(this.industries != null ? this.industries : expertise.industries(),
						this.products != null ? this.products : expertise.products(),
						this.services != null ? this.services : expertise.services(),
						this.solutions != null ? this.solutions : expertise.solutions()),
				this.customerSizes != null ? this.customerSizes : current.customerSizes());
	}

}
