package org.leadrelay.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.leadrelay.platform.IdempotencyKeyRepository.ClaimedKey;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.ErrorCode;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.platform.jobs.ClusteredJob;
import org.leadrelay.platform.jobs.ClusteredJob.Runs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a POST safe to retry: the first request with an {@code Idempotency-Key} runs and
 * its answer is stored in the same transaction; a retry with the same key and body gets
 * that answer again, a reuse of the key with another body is refused. Two concurrent
 * requests with one key serialize on the key's row, so the action runs once even across
 * nodes.
 */
@Component
public class IdempotencyKeys {

	private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

	private final IdempotencyKeyRepository keys;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration retention;

	IdempotencyKeys(IdempotencyKeyRepository keys, TransactionTemplate transactions, Clock clock,
			@Value("${leadrelay.api.idempotency-key-retention:P1D}") Duration retention) {
		this.keys = keys;
		this.transactions = transactions;
		this.clock = clock;
		this.retention = retention;
	}

	/**
	 * Runs {@code action} once per organization and key, or replays its stored answer.
	 * @param requestBody the request in a canonical form, to tell a retry from a reuse
	 */
	public StoredResponse execute(OrganizationId organization, String key, String requestBody,
			Supplier<StoredResponse> action) {
		if (key.isBlank() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
			throw DomainException.invalid("Idempotency-Key",
					"Idempotency-Key must be 1 to 255 visible ASCII characters, e.g. a UUID");
		}
		String hash = sha256(requestBody);
		StoredResponse response = this.transactions.execute(status -> {
			if (this.keys.claim(organization, key, hash, this.clock.instant())) {
				StoredResponse fresh = action.get();
				this.keys.storeResponse(organization, key, fresh);
				return fresh;
			}
			return replay(organization, key, hash);
		});
		if (response == null) {
			throw new IllegalStateException("No response for idempotency key");
		}
		return response;
	}

	private StoredResponse replay(OrganizationId organization, String key, String hash) {
		ClaimedKey claimed = this.keys.find(organization, key);
		if (!hash.equals(claimed.requestHash())) {
			throw new DomainException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
					"Idempotency-Key '" + key + "' was already used with a different request body", "Idempotency-Key");
		}
		return claimed.response();
	}

	/**
	 * Forgets keys older than the retention
	 * ({@code leadrelay.api.idempotency-key-retention}).
	 */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	@ClusteredJob(value = "idempotency-key-purge", runs = Runs.ONE_NODE_AT_A_TIME)
	void purgeExpired() {
		int purged = this.keys.deleteCreatedBefore(this.clock.instant().minus(this.retention));
		if (purged > 0) {
			log.info("Forgot {} idempotency keys older than {}", purged, this.retention);
		}
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The answer to an idempotent request.
	 *
	 * @param replayed whether it is the stored answer of an earlier request
	 */
	public record StoredResponse(int status, String body, @Nullable UUID resourceId, boolean replayed) {
	}

}
