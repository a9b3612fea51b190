package org.leadrelay.referral.web;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.leadrelay.referral.DealDetails;

/**
 * Declining a lead (the seed's "Close deal"): a reason from the program's list and notes.
 */
record DeclineForm(@Nullable Integer version, @NotBlank @Nullable String reason,
		@Size(max = DealDetails.MAX_NOTES) @Nullable String notes) {

	private static final Map<String, String> FIELDS = Map.of("statusReason", "reason", "details/notes", "notes");

	static @Nullable String field(String target) {
		return FIELDS.get(target);
	}

}
