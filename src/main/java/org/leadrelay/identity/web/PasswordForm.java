package org.leadrelay.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.leadrelay.identity.UserAccounts;

/** A new password, typed twice. */
record PasswordForm(@NotBlank @Nullable String token,
		@NotBlank @Size(min = UserAccounts.MIN_PASSWORD_LENGTH, max = 64) @Nullable String password,
		@Nullable String confirmation) {

	boolean confirmed() {
		return this.password != null && this.password.equals(this.confirmation);
	}

}
