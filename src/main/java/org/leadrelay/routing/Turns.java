package org.leadrelay.routing;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/** Lets a given number of callers work at once; the others wait their turn, in order. */
final class Turns {

	private final Semaphore permits;

	Turns(int atOnce) {
		this.permits = new Semaphore(atOnce, true);
	}

	<T> T take(Supplier<T> work) {
		this.permits.acquireUninterruptibly();
		try {
			return work.get();
		}
		finally {
			this.permits.release();
		}
	}

}
