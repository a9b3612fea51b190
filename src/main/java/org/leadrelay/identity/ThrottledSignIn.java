package org.leadrelay.identity;

import java.time.Instant;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Form sign-in with email and password, refused while the address is locked out after
 * repeated failures (see {@link SignInAttempts}). An unknown address, a wrong password
 * and an account still waiting for its password all fail alike, so the answer tells
 * nobody which addresses have accounts.
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
		Instant lockedUntil = this.attempts.lockedUntil(email).orElse(null);
		if (lockedUntil != null) {
			throw new SignInLockedException(lockedUntil);
		}
		try {
			Authentication result = this.passwords.authenticate(authentication);
			this.attempts.succeeded(email);
			return result;
		}
		catch (BadCredentialsException | DisabledException ex) {
			Instant lockedNow = this.attempts.failed(email).orElse(null);
			if (lockedNow != null) {
				throw new SignInLockedException(lockedNow);
			}
			throw new BadCredentialsException("Wrong email or password");
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
