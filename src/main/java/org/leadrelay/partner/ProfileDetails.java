package org.leadrelay.partner;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.CompanySize;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.Text;

/**
 * What a partner writes in a business profile: its name, description, links, expertise
 * and the customer sizes it serves. Valid on construction; errors name the field as the
 * API spells it.
 */
public record ProfileDetails(String name, @Nullable String description, @Nullable String website,
		@Nullable String linkedIn, Expertise expertise, Set<CompanySize> customerSizes) {

	public static final int MAX_DESCRIPTION = 2500;

	public ProfileDetails {
		name = Text.required("name", name, 200);
		description = Text.optional("description", description, MAX_DESCRIPTION);
		website = WebAddress.optional("website", website);
		linkedIn = WebAddress.linkedIn("linkedIn", linkedIn);
		customerSizes = sizes(customerSizes);
	}

	/** A new profile: only a name, open to customers of every size. */
	public static ProfileDetails named(String name) {
		return new ProfileDetails(name, null, null, null, Expertise.NONE, CompanySize.current());
	}

	private static Set<CompanySize> sizes(Collection<CompanySize> sizes) {
		if (sizes.isEmpty()) {
			throw DomainException.invalid("customerSizes",
					"customerSizes needs at least one size: a profile for no customers finds none");
		}
		for (CompanySize size : sizes) {
			// a lead or search in an older band still finds the profile by their overlap
			if (!size.isCurrent()) {
				throw DomainException.invalid("customerSizes", "customerSizes: " + size.code()
						+ " is an older band; choose among " + CompanySize.currentCodes());
			}
		}
		return Collections.unmodifiableSet(EnumSet.copyOf(sizes));
	}

}
