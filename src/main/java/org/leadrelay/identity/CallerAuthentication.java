package org.leadrelay.identity;

import org.leadrelay.shared.Caller;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * An API request authenticated by a bearer token, resolved to the {@link Caller} it acts
 * as.
 */
final class CallerAuthentication extends AbstractAuthenticationToken {

	private final Caller caller;

	private final Jwt token;

	CallerAuthentication(Caller caller, Jwt token) {
		super(caller.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList());
		this.caller = caller;
		this.token = token;
		setAuthenticated(true);
	}

	Caller caller() {
		return this.caller;
	}

	@Override
	public Object getCredentials() {
		return this.token;
	}

	@Override
	public Object getPrincipal() {
		return this.caller;
	}

	@Override
	public String getName() {
		return this.caller.principalId();
	}

	@Override
	public String toString() {
		return "CallerAuthentication[" + this.caller.principalId() + "]";
	}

}
