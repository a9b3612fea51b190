package org.leadrelay.identity;

import java.time.Instant;

import org.springframework.security.authentication.LockedException;

/** Sign-in refused because of repeated failures, until {@link #lockedUntil()}. */
public final class SignInLockedException extends LockedException {

	private final Instant lockedUntil;

	SignInLockedException(Instant lockedUntil) {
		super("Too many failed sign-ins");
		this.lockedUntil = lockedUntil;
	}

	public Instant lockedUntil() {
		return this.lockedUntil;
	}

}
