package org.leadrelay.identity;

import org.jspecify.annotations.Nullable;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of sign-in and tokens ({@code leadrelay.security.*}).
 *
 * @param accessTokenTimeToLive how long an API access token is valid; a revoked client
 * keeps working until its last token expires
 * @param issuer the token issuer URL, when LeadRelay runs behind a proxy under another
 * name
 */
@ConfigurationProperties("leadrelay.security")
record IdentityProperties(@DefaultValue("PT30M") Duration accessTokenTimeToLive, @Nullable String issuer) {
}
