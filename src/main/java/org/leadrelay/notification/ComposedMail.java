package org.leadrelay.notification;

/**
 * A mail rendered for one recipient, as plain text and HTML.
 */
record ComposedMail(String subject, String text, String html) {

}
