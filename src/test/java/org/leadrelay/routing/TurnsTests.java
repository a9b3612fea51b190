package org.leadrelay.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TurnsTests {

	@Test
	void noMoreThanTheGivenNumberWorkAtOnceAndEveryoneGetsATurn() throws Exception {
		Turns turns = new Turns(2);
		AtomicInteger working = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService callers = Executors.newFixedThreadPool(6);
		try {
			List<Future<Integer>> done = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				int caller = i;
				done.add(callers.submit(() -> {
					start.await();
					return turns.take(() -> {
						most.accumulateAndGet(working.incrementAndGet(), Math::max);
						sleep();
						working.decrementAndGet();
						return caller;
					});
				}));
			}
			start.countDown();
			for (int i = 0; i < 6; i++) {
				assertThat(done.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i);
			}
		}
		finally {
			callers.shutdownNow();
		}
		assertThat(most.get()).isBetween(1, 2);
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
