/**
 * Who may do what: API clients and their OAuth2 tokens (client credentials, issued by the
 * built-in authorization server), users and sign-in, and the
 * {@link org.leadrelay.shared.Caller} every request is made as.
 */
@ApplicationModule(displayName = "Identity", allowedDependencies = { "partner", "platform", "shared" })
@NullMarked
package org.leadrelay.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
