package org.leadrelay.platform;

/**
 * Present in the context when LeadRelay runs on its embedded PostgreSQL (the try-it-out
 * mode).
 *
 * @param port the port the embedded server listens on (127.0.0.1)
 */
public record EmbeddedDatabaseMarker(int port) {
}
