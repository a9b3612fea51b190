/**
 * The notification pages of the web UI: the bell in the header, the list of a user's
 * notifications, their email settings, and the vendor admins' sent-mail view.
 */
@NullMarked
package org.leadrelay.notification.web;

import org.jspecify.annotations.NullMarked;
