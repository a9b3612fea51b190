package org.leadrelay.referral;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.Email;
import org.leadrelay.shared.PersonName;
import org.leadrelay.shared.Text;

/**
 * A person working a deal, or a contact at the customer. The email is required and valid.
 */
public record TeamMember(@Nullable String firstName, @Nullable String lastName, @Nullable String phoneNumber,
		Email email) {

	/** Builds a member from raw input, naming fields under {@code target} on error. */
	public static TeamMember of(String target, @Nullable String firstName, @Nullable String lastName,
			@Nullable String phoneNumber, @Nullable String email) {
		return new TeamMember(Text.optional(target + "/firstName", firstName, 100),
				Text.optional(target + "/lastName", lastName, 100),
				Text.optional(target + "/phoneNumber", phoneNumber, 50),
				Email.of(target + "/email", Text.required(target + "/email", email, 254)));
	}

	public String fullName() {
		return fullName(Locale.ENGLISH);
	}

	/**
	 * The name in the order of the language (Hungarian: family name first), else the
	 * email address.
	 */
	public String fullName(Locale locale) {
		String name = new PersonName(this.firstName, this.lastName).in(locale);
		return name.isEmpty() ? this.email.value() : name;
	}

	/** The members' names, as the timeline lists a team. */
	static String names(List<TeamMember> members) {
		return String.join(", ", members.stream().map(TeamMember::fullName).toList());
	}

}
