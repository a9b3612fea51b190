package org.leadrelay.referral.web;

import java.util.List;
import java.util.stream.Stream;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.TeamMember;

/**
 * An optional person at the customer: left blank, it is no one; partly filled, it needs
 * an email address.
 */
public record ContactForm(@Size(max = 100) @Nullable String firstName, @Size(max = 100) @Nullable String lastName,
		@Size(max = 50) @Nullable String phone, @Email @Size(max = 254) @Nullable String email) {

	static final ContactForm EMPTY = new ContactForm(null, null, null, null);

	static ContactForm of(TeamMember member) {
		return new ContactForm(member.firstName(), member.lastName(), member.phoneNumber(), member.email().value());
	}

	/** No one, or the one contact; domain errors name {@code contact/<field>}. */
	List<TeamMember> members() {
		boolean blank = Stream.of(this.firstName, this.lastName, this.phone, this.email)
			.allMatch(value -> value == null || value.isBlank());
		return blank ? List.of()
				: List.of(TeamMember.of("contact", this.firstName, this.lastName, this.phone, this.email));
	}

	/** The form field for a domain target {@code contact/<field>}. */
	static @Nullable String field(String target) {
		return target.startsWith("contact/") ? target.replace('/', '.').replace("phoneNumber", "phone") : null;
	}

}
