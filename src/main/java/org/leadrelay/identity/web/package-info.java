/**
 * The identity pages of the web UI: sign-in, the users an admin manages and invites, and
 * the page where an invited user sets a password.
 */
@NullMarked
package org.leadrelay.identity.web;

import org.jspecify.annotations.NullMarked;
