package org.leadrelay.referral.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.testing.ApiClient;
import org.leadrelay.testing.ApiClient.Response;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadrelay.testing.ReferralRequests.newReferral;

/**
 * A POST with an Idempotency-Key takes effect once: retries replay the first answer, a
 * reuse with another body is refused.
 */
@IntegrationTest
class IdempotencyIntegrationTests {

	static final String REFERRALS = "/v1.0/engagements/referrals";

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	Program program;

	ApiClient vendor;

	@BeforeEach
	void setUp() {
		this.program = this.programs.create();
		this.vendor = ApiClient.as(this.port, this.program.vendorClient());
	}

	@Test
	void aRetryReplaysTheFirstAnswer() {
		String key = UUID.randomUUID().toString();
		ApiClient keyed = this.vendor.header("Idempotency-Key", key);
		ObjectNode body = newReferral(this.program.budapest());

		Response first = keyed.post(REFERRALS, body.toString());
		Response retry = keyed.post(REFERRALS, body.toPrettyString());

		assertThat(first.status()).isEqualTo(201);
		assertThat(first.header("Idempotent-Replayed")).isNull();
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(retry.json()).isEqualTo(first.json());
		assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
		assertThat(count()).isEqualTo(1);
	}

	@Test
	void theSameKeyWithAnotherBodyIsRefused() {
		ApiClient keyed = this.vendor.header("Idempotency-Key", UUID.randomUUID().toString());
		keyed.post(REFERRALS, newReferral(this.program.budapest()).toString());

		Response reuse = keyed.post(REFERRALS,
				newReferral(this.program.budapest()).put("name", "Another deal").toString());

		assertThat(reuse.status()).isEqualTo(422);
		assertThat(reuse.errorTarget()).isEqualTo("Idempotency-Key");
		assertThat(count()).isEqualTo(1);
	}

	@Test
	void aRefusedRequestDoesNotUseUpItsKey() {
		ApiClient keyed = this.vendor.header("Idempotency-Key", UUID.randomUUID().toString());
		ObjectNode invalid = newReferral(this.program.budapest());
		invalid.remove("customerProfile");

		Response refused = keyed.post(REFERRALS, invalid.toString());
		Response corrected = keyed.post(REFERRALS, newReferral(this.program.budapest()).toString());

		assertThat(refused.status()).isEqualTo(400);
		assertThat(corrected.status()).isEqualTo(201);
		assertThat(corrected.header("Idempotent-Replayed")).isNull();
	}

	@Test
	void concurrentRetriesCreateOneReferral() throws Exception {
		ApiClient keyed = this.vendor.header("Idempotency-Key", UUID.randomUUID().toString());
		String body = newReferral(this.program.budapest()).toString();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Response>> posts = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				posts.add(() -> keyed.post(REFERRALS, body));
			}
			List<Response> responses = new ArrayList<>();
			for (Future<Response> future : pool.invokeAll(posts)) {
				responses.add(future.get());
			}
			assertThat(responses).allSatisfy(response -> assertThat(response.status()).isEqualTo(201));
			assertThat(responses.stream().map(response -> response.json().get("id").asString()).distinct()).hasSize(1);
			assertThat(responses.stream().filter(response -> response.header("Idempotent-Replayed") == null))
				.hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(count()).isEqualTo(1);
	}

	@Test
	void keysAreScopedToTheOrganization() {
		String key = UUID.randomUUID().toString();
		Program other = this.programs.create();
		ApiClient otherVendor = ApiClient.as(this.port, other.vendorClient()).header("Idempotency-Key", key);

		Response mine = this.vendor.header("Idempotency-Key", key)
			.post(REFERRALS, newReferral(this.program.budapest()).toString());
		Response theirs = otherVendor.post(REFERRALS, newReferral(other.budapest()).toString());

		assertThat(mine.status()).isEqualTo(201);
		assertThat(theirs.status()).isEqualTo(201);
		assertThat(theirs.header("Idempotent-Replayed")).isNull();
		assertThat(theirs.json().get("id")).isNotEqualTo(mine.json().get("id"));
	}

	private long count() {
		return this.vendor.get(REFERRALS, Map.of("$count", "true")).json().get("@odata.count").asLong();
	}

}
