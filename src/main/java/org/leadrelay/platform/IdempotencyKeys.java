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
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.ErrorCode;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.platform.jobs.ClusteredJob;
import org.leadrelay.platform.jobs.ClusteredJob.Runs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration retention;

	IdempotencyKeys(JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
			@Value("${leadrelay.api.idempotency-key-retention:P1D}") Duration retention) {
		this.jdbc = jdbc;
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
			int claimed = this.jdbc
				.sql("insert into idempotency_key (organization_id, idempotency_key, request_hash, created_at) "
						+ "values (?, ?, ?, ?) on conflict do nothing")
				.params(organization.value(), key, hash, SqlValues.timestamp(this.clock.instant()))
				.update();
			if (claimed == 1) {
				StoredResponse fresh = action.get();
				this.jdbc
					.sql("update idempotency_key set response_status = ?, response_body = ?, resource_id = ? "
							+ "where organization_id = ? and idempotency_key = ?")
					.params(fresh.status(), fresh.body(), fresh.resourceId(), organization.value(), key)
					.update();
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
		return this.jdbc
			.sql("select request_hash, response_status, response_body, resource_id from idempotency_key "
					+ "where organization_id = ? and idempotency_key = ?")
			.params(organization.value(), key)
			.query((rs, row) -> {
				if (!hash.equals(rs.getString("request_hash"))) {
					throw new DomainException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
							"Idempotency-Key '" + key + "' was already used with a different request body",
							"Idempotency-Key");
				}
				return new StoredResponse(rs.getInt("response_status"), rs.getString("response_body"),
						rs.getObject("resource_id", UUID.class), true);
			})
			.single();
	}

	/**
	 * Forgets keys older than the retention
	 * ({@code leadrelay.api.idempotency-key-retention}).
	 */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	@ClusteredJob(value = "idempotency-key-purge", runs = Runs.ONE_NODE_AT_A_TIME)
	void purgeExpired() {
		int purged = this.jdbc.sql("delete from idempotency_key where created_at < ?")
			.param(SqlValues.timestamp(this.clock.instant().minus(this.retention)))
			.update();
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
