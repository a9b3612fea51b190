package org.leadrelay.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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
 * {@link RetrySchedule} until it runs out. Deliveries are claimed with
 * {@code FOR UPDATE SKIP LOCKED} and a lease, so any number of nodes share the work and a
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
	}

	@Scheduled(fixedDelayString = "${leadrelay.webhooks.poll-interval:PT2S}",
			initialDelayString = "${leadrelay.webhooks.poll-interval:PT2S}")
	@ClusteredJob(value = "webhook-delivery", runs = Runs.ON_EVERY_NODE)
	void scheduledRun() {
		deliverDue();
	}

	/**
	 * Attempts every due delivery once.
	 * @return how many were attempted
	 */
	int deliverDue() {
		int attempted = 0;
		List<DueDelivery> batch;
		do {
			Instant now = this.clock.instant();
			// Long enough for every attempt of the batch to connect and be answered.
			Instant leaseUntil = now.plus(this.properties.timeout().multipliedBy(3));
			batch = this.deliveries.claimDue(now, this.properties.concurrency(), leaseUntil);
			batch.stream()
				.map(delivery -> CompletableFuture.runAsync(() -> attempt(delivery), this.executor))
				.toList()
				.forEach(CompletableFuture::join);
			attempted += batch.size();
		}
		while (batch.size() == this.properties.concurrency());
		return attempted;
	}

	private void attempt(DueDelivery delivery) {
		Instant now = this.clock.instant();
		Result result = this.sender.send(delivery, now);
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
