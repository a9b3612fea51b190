package org.leadrelay.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import org.jspecify.annotations.Nullable;
import org.leadrelay.platform.RetrySchedule;
import org.leadrelay.platform.jobs.ClusteredJob;
import org.leadrelay.platform.jobs.ClusteredJob.Runs;
import org.leadrelay.webhook.WebhookDelivery.Status;
import org.leadrelay.webhook.WebhookSender.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries, several at once, and decides what comes next: a 2xx answer
 * delivers, {@code 410 Gone} disables the endpoint, anything else is retried on the
 * {@link RetrySchedule} until it runs out. Deliveries are claimed fairly (organizations
 * and endpoints take turns, each with a limit of deliveries in flight) and with a lease,
 * so any number of nodes share the work, one slow receiver cannot hold every slot, and a
 * node that dies mid-attempt only delays its deliveries until the lease ends.
 */
@Component
class WebhookDispatcher implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	private final DeliveryRepository deliveries;

	private final EndpointRepository endpoints;

	private final WebhookSender sender;

	private final WebhookProperties properties;

	private final RetrySchedule retries;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ExecutorService executor;

	/** Free places for attempts on this node, shared by every run. */
	private final Semaphore slots;

	/** A global meter: one field, so that this class's constructor stays as it is. */
	private final Counter failures = Metrics.counter("leadrelay.webhooks.failures");

	WebhookDispatcher(DeliveryRepository deliveries, EndpointRepository endpoints, WebhookSender sender,
			WebhookProperties properties, TransactionTemplate transactions, Clock clock) {
		this.deliveries = deliveries;
		this.endpoints = endpoints;
		this.sender = sender;
		this.properties = properties;
		this.retries = new RetrySchedule(properties.retryDelays(), properties.retryJitter(), new Random());
		this.transactions = transactions;
		this.clock = clock;
		this.executor = Executors.newFixedThreadPool(properties.concurrency());
		this.slots = new Semaphore(properties.concurrency());
	}

	@Scheduled(fixedDelayString = "${leadrelay.webhooks.poll-interval:PT2S}",
			initialDelayString = "${leadrelay.webhooks.poll-interval:PT2S}")
	@ClusteredJob(value = "webhook-delivery", runs = Runs.ON_EVERY_NODE)
	void scheduledRun() {
		deliverDue();
	}

	/**
	 * Attempts every due delivery, as slots allow: whenever an attempt ends (and at least
	 * every poll interval while attempts are running) it claims as many due deliveries as
	 * there are free slots, fairly across organizations and endpoints (see
	 * {@link DeliveryRepository#claimDue}). A slow receiver holds at most its endpoint's
	 * and its organization's share of the slots; the rest keep serving the others.
	 * @return how many were attempted
	 */
	int deliverDue() {
		int attempted = 0;
		List<CompletableFuture<Void>> running = new ArrayList<>();
		while (true) {
			int free = this.slots.drainPermits();
			List<DueDelivery> claimed = List.of();
			try {
				if (free > 0) {
					claimed = claim(free);
				}
			}
			finally {
				this.slots.release(free - claimed.size());
			}
			for (DueDelivery delivery : claimed) {
				running.add(CompletableFuture.runAsync(() -> attempt(delivery), this.executor)
					.whenComplete((done, failure) -> {
						this.slots.release();
						if (failure != null) {
							log.error("Recording webhook delivery {} failed; it is due again when its lease ends",
									delivery.id(), failure);
						}
					}));
			}
			attempted += claimed.size();
			running.removeIf(CompletableFuture::isDone);
			if (running.isEmpty()) {
				if (claimed.isEmpty()) {
					return attempted;
				}
			}
			else if (!awaitAnyOf(running)) {
				return attempted;
			}
		}
	}

	private List<DueDelivery> claim(int limit) {
		Instant now = this.clock.instant();
		// Long enough for the attempt to connect and be answered.
		Instant leaseUntil = now.plus(this.properties.timeout().multipliedBy(3));
		return this.transactions.execute(status -> this.deliveries.claimDue(now, limit, leaseUntil,
				this.properties.perEndpointConcurrency(), this.properties.perOrganizationConcurrency()));
	}

	/**
	 * Waits until one of the attempts ends, or the poll interval passes.
	 * @return false if interrupted (the node is stopping)
	 */
	private boolean awaitAnyOf(List<CompletableFuture<Void>> running) {
		try {
			CompletableFuture.anyOf(running.toArray(CompletableFuture[]::new))
				.get(this.properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException | TimeoutException ex) {
			// Logged where the attempt failed; claim again either way.
		}
		return true;
	}

	private void attempt(DueDelivery delivery) {
		Instant now = this.clock.instant();
		Result result = this.sender.send(delivery, now);
		if (!result.delivered()) {
			this.failures.increment();
		}
		this.transactions.executeWithoutResult(status -> {
			if (result.delivered()) {
				record(delivery, now, result, Status.DELIVERED, null);
			}
			else if (result.gone()) {
				record(delivery, now, result, Status.FAILED, null);
				this.endpoints.disable(delivery.endpointId(), "The endpoint answered 410 Gone", now);
				this.deliveries.failPending(delivery.endpointId());
				log.info("Webhook endpoint {} answered 410 Gone and was disabled", delivery.endpointId());
			}
			else {
				Optional<Duration> retryIn = this.retries.delayAfter(delivery.attempts() + 1, result.retryAfter());
				record(delivery, now, result, retryIn.isPresent() ? Status.PENDING : Status.FAILED,
						retryIn.map(now::plus).orElse(null));
			}
		});
	}

	private void record(DueDelivery delivery, Instant now, Result result, Status status,
			@Nullable Instant nextAttemptAt) {
		this.deliveries.recordAttempt(delivery, now, result.statusCode(), result.error(), result.durationMillis(),
				status, nextAttemptAt);
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	@ClusteredJob(value = "webhook-delivery-purge", runs = Runs.ONE_NODE_AT_A_TIME)
	void purgeFinished() {
		int purged = this.deliveries
			.purgeFinishedBefore(this.clock.instant().minus(this.properties.deliveryRetention()));
		if (purged > 0) {
			log.info("Forgot {} finished webhook deliveries older than {}", purged,
					this.properties.deliveryRetention());
		}
	}

	@Override
	public void destroy() {
		this.executor.shutdown();
	}

}
