package org.leadrelay.webhook;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.jspecify.annotations.Nullable;
import org.leadrelay.platform.OutboundAddressPolicy;
import org.leadrelay.platform.OutboundHttpClients;
import org.leadrelay.platform.RetrySchedule;
import org.leadrelay.shared.DomainException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Makes one signed HTTP POST of a delivery, through a client of
 * {@link OutboundHttpClients}: private addresses are refused at connect time too,
 * redirects are not followed, connecting and waiting for the answer each time out.
 */
@Component
class WebhookSender implements DisposableBean {

	private static final int MAX_ERROR_LENGTH = 500;

	private final CloseableHttpClient http;

	private final OutboundAddressPolicy policy;

	WebhookSender(OutboundAddressPolicy policy, OutboundHttpClients clients, WebhookProperties properties) {
		this.policy = policy;
		this.http = clients.create(properties.timeout(), properties.concurrency(), "LeadRelay-Webhooks/1.0");
	}

	Result send(DueDelivery delivery, Instant now) {
		long started = System.nanoTime();
		try {
			this.policy.requireAllowed(URI.create(delivery.url()), "url");
		}
		catch (DomainException ex) {
			return Result.failed(ex.getMessage(), elapsed(started));
		}
		String messageId = delivery.messageId().toString();
		long timestamp = now.getEpochSecond();
		HttpPost post = new HttpPost(delivery.url());
		post.setHeader("webhook-id", messageId);
		post.setHeader("webhook-timestamp", Long.toString(timestamp));
		post.setHeader("webhook-signature",
				WebhookSignature.header(messageId, timestamp, delivery.payload(), delivery.secrets()));
		post.setEntity(new StringEntity(delivery.payload(), ContentType.APPLICATION_JSON));
		// The body is never read: closing the response unread discards the connection.
		try (ClassicHttpResponse response = this.http.executeOpen(null, post, null)) {
			Header retryAfter = response.getFirstHeader("Retry-After");
			return new Result(response.getCode(), null,
					RetrySchedule.retryAfter(retryAfter == null ? null : retryAfter.getValue(), now).orElse(null),
					elapsed(started));
		}
		catch (IOException ex) {
			return Result.failed(describe(ex), elapsed(started));
		}
	}

	@Override
	public void destroy() throws IOException {
		this.http.close();
	}

	private static String describe(IOException ex) {
		String message = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
		return message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) : message;
	}

	private static long elapsed(long started) {
		return Duration.ofNanos(System.nanoTime() - started).toMillis();
	}

	/**
	 * How an attempt went.
	 *
	 * @param statusCode the receiver's answer, if it answered
	 * @param error why it did not
	 * @param retryAfter the receiver's {@code Retry-After}, if any
	 */
	record Result(@Nullable Integer statusCode, @Nullable String error, @Nullable Duration retryAfter,
			long durationMillis) {

		static Result failed(String error, long durationMillis) {
			return new Result(null, error, null, durationMillis);
		}

		boolean delivered() {
			return this.statusCode != null && this.statusCode >= 200 && this.statusCode < 300;
		}

		boolean gone() {
			return this.statusCode != null && this.statusCode == 410;
		}

	}

}
