package org.leadrelay.notification;

import java.util.List;

/**
 * A mail composed for one recipient about the leads it tells of: one, or several that it
 * lists.
 */
record AddressedMail(Recipient recipient, List<ToldLead> leads, ComposedMail mail) {
}
