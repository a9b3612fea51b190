package org.leadrelay.identity;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.Caller;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A user signed in to the web UI, with the {@link Caller} they act as.
 */
public final class SignedInUser implements UserDetails {

	private final Caller caller;

	private final String email;

	private final @Nullable String passwordHash;

	private final String locale;

	SignedInUser(Caller caller, String email, @Nullable String passwordHash, String locale) {
		this.caller = caller;
		this.email = email;
		this.passwordHash = passwordHash;
		this.locale = locale;
	}

	public Caller caller() {
		return this.caller;
	}

	public String email() {
		return this.email;
	}

	public String locale() {
		return this.locale;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<SimpleGrantedAuthority> authorities = this.caller.roles()
			.stream()
			.map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
			.toList();
		return authorities;
	}

	@Override
	public @Nullable String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.email;
	}

	@Override
	public boolean isEnabled() {
		return this.passwordHash != null;
	}

	@Override
	public String toString() {
		return "SignedInUser[" + this.caller.principalId() + "]";
	}

}
