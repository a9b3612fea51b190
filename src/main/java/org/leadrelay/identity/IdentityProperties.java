package org.leadrelay.identity;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of sign-in and tokens ({@code leadrelay.security.*}).
 *
 * @param accessTokenTimeToLive how long an API access token is valid; a revoked client
 * keeps working until its last token expires
 * @param issuer the token issuer URL, when LeadRelay runs behind a proxy under another
 * name
 * @param signIn how repeated failed sign-ins are slowed down
 * @param invitationValidity how long the set-password link of an invitation works
 */
@ConfigurationProperties("leadrelay.security")
record IdentityProperties(@DefaultValue("PT30M") Duration accessTokenTimeToLive, @Nullable String issuer,
		@DefaultValue SignIn signIn, @DefaultValue("P7D") Duration invitationValidity) {

	/**
	 * @param maxFailures consecutive failures that lock an email address out
	 * @param lockout how long the first lockout lasts; each further failure doubles it,
	 * up to a day
	 */
	record SignIn(@DefaultValue("5") int maxFailures, @DefaultValue("PT15M") Duration lockout) {

		SignIn {
			if (maxFailures < 1) {
				throw new IllegalArgumentException("leadrelay.security.sign-in.max-failures must be at least 1");
			}
		}

	}

}
