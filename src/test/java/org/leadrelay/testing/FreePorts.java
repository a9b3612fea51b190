package org.leadrelay.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * Ports for servers that must keep their port across a restart (an SMTP server that goes
 * away and comes back, an application node), so they cannot bind to port 0 themselves.
 */
public final class FreePorts {

	private FreePorts() {
	}

	/** A loopback port that was free a moment ago. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
