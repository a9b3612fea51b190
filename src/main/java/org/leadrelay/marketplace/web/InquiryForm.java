package org.leadrelay.marketplace.web;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.leadrelay.marketplace.NewInquiry;
import org.leadrelay.shared.CompanySize;

/**
 * The contact form of a location's page.
 *
 * @param website the honeypot: hidden from people, filled in by form-filling robots
 */
record InquiryForm(@NotBlank @Size(max = 200) @Nullable String company, @Nullable CompanySize size,
		@NotBlank @Size(max = 2) @Nullable String country, @NotBlank @Size(max = 100) @Nullable String firstName,
		@NotBlank @Size(max = 100) @Nullable String lastName, @NotBlank @Email @Size(max = 254) @Nullable String email,
		@Size(max = 50) @Nullable String phone, @NotBlank @Size(max = NewInquiry.MAX_NEEDS) @Nullable String needs,
		@Nullable List<String> topics, @AssertTrue @Nullable Boolean consentToContact,
		@Nullable Boolean contactRequested, @Nullable String website) {

	private static final Map<String, String> FIELDS = Map.of("customerProfile/name", "company",
			"customerProfile/address/country", "country", "contact/firstName", "firstName", "contact/lastName",
			"lastName", "contact/email", "email", "contact/phoneNumber", "phone", "details/notes", "needs",
			"consent/consentToContact", "consentToContact");

	static InquiryForm empty(@Nullable String country) {
		return new InquiryForm(null, null, country, null, null, null, null, null, List.of(), false, false, null);
	}

	boolean filledByRobot() {
		return this.website != null && !this.website.isEmpty();
	}

	NewInquiry inquiry() {
		return new NewInquiry(this.company, this.size, this.country, this.firstName, this.lastName, this.email,
				this.phone, this.needs, this.topics == null ? List.of() : this.topics,
				Boolean.TRUE.equals(this.consentToContact), Boolean.TRUE.equals(this.contactRequested));
	}

	static @Nullable String field(String target) {
		return FIELDS.get(target);
	}

}
