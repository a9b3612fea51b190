/**
 * Who may do what: API clients and their OAuth2 tokens (client credentials, issued by the
 * built-in authorization server), users and sign-in, and the
 * {@link org.leadrelay.shared.Caller} every request is made as.
 * <p>
 * Other modules read its tables only through the views it publishes (V96), where a join
 * is the only fast way:
 * {@code identity_user_location_v (organization_id, user_id, location_id)}, the partner
 * locations a user belongs to, and {@code identity_user_email_v (user_id, email)}; the
 * referral search narrows a user's referrals with them.
 */
@ApplicationModule(displayName = "Identity", allowedDependencies = { "partner", "platform", "shared" })
@NullMarked
package org.leadrelay.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
