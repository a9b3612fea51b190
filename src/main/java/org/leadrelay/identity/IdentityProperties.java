package org.leadrelay.identity;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of sign-in and tokens ({@code leadrelay.security.*}).
 *
 * @param accessTokenTimeToLive how long an API access token is valid
 * @param issuer the token issuer URL, when LeadRelay runs behind a proxy under another
 * name
 * @param signIn how repeated failed sign-ins are slowed down
 * @param invitationValidity how long the set-password link of an invitation works
 * @param tokenEndpoint how often clients may ask for tokens, and how soon a revoked
 * client's tokens stop working
 */
@ConfigurationProperties("leadrelay.security")
record IdentityProperties(@DefaultValue("PT30M") Duration accessTokenTimeToLive, @Nullable String issuer,
		@DefaultValue SignIn signIn, @DefaultValue("P7D") Duration invitationValidity,
		@DefaultValue TokenEndpoint tokenEndpoint) {

	/**
	 * Failures are counted per account, per client address, and per address on an
	 * account; a count is forgotten after a quiet day (an hour for an address).
	 *
	 * @param freeFailures failures in a row on an account that cost nothing
	 * @param delay the wait after the first failure beyond those, before the account's
	 * next attempt is even checked; it doubles with each further failure
	 * @param maxFailures failures in a row that lock the account for {@code lockout}
	 * @param lockout the hard lock, twice as long with each further failure, at most a
	 * day
	 * @param addressFailuresPerAccount failures one client address may add to one
	 * account's count in a day; kept below {@code maxFailures}, so that nobody locks out
	 * a user from one address
	 * @param addressFailures failures one client address may make on any accounts within
	 * {@code addressWindow}
	 * @param addressWindow how long an address's failures are remembered
	 */
	record SignIn(@DefaultValue("3") int freeFailures, @DefaultValue("PT1S") Duration delay,
			@DefaultValue("10") int maxFailures, @DefaultValue("PT15M") Duration lockout,
			@DefaultValue("5") int addressFailuresPerAccount, @DefaultValue("30") int addressFailures,
			@DefaultValue("PT1H") Duration addressWindow) {

		SignIn {
			if (maxFailures < 1 || freeFailures < 0 || freeFailures > maxFailures) {
				throw new IllegalArgumentException(
						"leadrelay.security.sign-in: need 0 <= free-failures <= max-failures and max-failures >= 1");
			}
			if (addressFailuresPerAccount < 1 || addressFailures < 1) {
				throw new IllegalArgumentException(
						"leadrelay.security.sign-in.address-failures(-per-account) must be at least 1");
			}
		}

	}

	/**
	 * @param clientBurst token requests one client id may make at once
	 * @param clientPerMinute token requests one client id may make per minute after that
	 * @param addressBurst token requests one client address may make at once
	 * @param addressPerMinute token requests one client address may make per minute after
	 * that
	 * @param revocationCheck how long a client's state (revoked or not) is trusted before
	 * it is read again from the database: a revoked client's tokens stop working within
	 * this time on every node
	 */
	record TokenEndpoint(@DefaultValue("10") int clientBurst, @DefaultValue("12") int clientPerMinute,
			@DefaultValue("30") int addressBurst, @DefaultValue("60") int addressPerMinute,
			@DefaultValue("PT5S") Duration revocationCheck) {

	}

}
