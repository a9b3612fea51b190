package org.leadrelay.identity;

import org.leadrelay.identity.SignInAttempts.Attempt;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Form sign-in with email and password, checked only when {@link SignInAttempts} admits
 * the attempt (which counts it first). An unknown address, a wrong password and an
 * account still waiting for its password all fail alike, so the answer tells nobody which
 * addresses have accounts.
 */
final class ThrottledSignIn implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;

	private final SignInAttempts attempts;

	ThrottledSignIn(UserDetailsService users, PasswordEncoder passwordEncoder, SignInAttempts attempts) {
		this.passwords = new DaoAuthenticationProvider(users);
		this.passwords.setPasswordEncoder(passwordEncoder);
		this.attempts = attempts;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String email = authentication.getName();
		String address = authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
		Attempt attempt = this.attempts.begin(email, address);
		if (!attempt.admitted()) {
			throw new SignInLockedException(attempt.waitUntil());
		}
		try {
			Authentication result = this.passwords.authenticate(authentication);
			this.attempts.succeeded(email, address);
			return result;
		}
		catch (BadCredentialsException | DisabledException ex) {
			if (attempt.waitUntil() != null) {
				throw new SignInLockedException(attempt.waitUntil());
			}
			throw new BadCredentialsException("Wrong email or password");
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
