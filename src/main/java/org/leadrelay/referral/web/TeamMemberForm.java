package org.leadrelay.referral.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.TeamMember;

/**
 * Someone who works the deal: the seed asks for their name, phone and email, so that the
 * team can reach them (the API still takes a member with an email only, as SPEC says).
 */
record TeamMemberForm(@Nullable Integer version, @NotBlank @Size(max = 100) @Nullable String firstName,
		@NotBlank @Size(max = 100) @Nullable String lastName, @NotBlank @Size(max = 50) @Nullable String phone,
		@NotBlank @Email @Size(max = 254) @Nullable String email) {

	/** Domain errors name {@code member/<field>}. */
	TeamMember member() {
		return TeamMember.of("member", this.firstName, this.lastName, this.phone, this.email);
	}

	static @Nullable String field(String target) {
		return target.startsWith("member/") ? target.substring("member/".length()).replace("phoneNumber", "phone")
				: null;
	}

}
