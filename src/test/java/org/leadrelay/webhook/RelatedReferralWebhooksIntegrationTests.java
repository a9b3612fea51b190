package org.leadrelay.webhook;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.testing.ApiClient;
import org.leadrelay.testing.ApiClient.Response;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.MutableClock;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.webhook.WebhookReceiver.Request;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.leadrelay.testing.DealRequests.partnerToPartner;
import static org.leadrelay.testing.ReferralRequests.accept;

/**
 * The inviter of a deal hears of the invited side's record by webhook: when it is
 * created, and when it is answered or moves; about the inviter's own deal, which is the
 * one it may read.
 */
@IntegrationTest
class RelatedReferralWebhooksIntegrationTests {

	static final String WEBHOOKS = "/v1.0/webhooks";

	static final String REFERRALS = "/v1.0/engagements/referrals";

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	@Autowired
	WebhookDispatcher dispatcher;

	@Autowired
	MutableClock clock;

	Program program;

	ApiClient contoso;

	ApiClient fabrikam;

	WebhookReceiver receiver;

	@BeforeEach
	void setUp() throws Exception {
		this.program = this.programs.create();
		this.contoso = ApiClient.as(this.port, this.program.contosoClient());
		this.fabrikam = ApiClient.as(this.port, this.program.fabrikamClient());
		this.receiver = WebhookReceiver.start();
	}

	@AfterEach
	void tearDown() {
		this.receiver.close();
		for (JsonNode webhook : this.contoso.get(WEBHOOKS).json().get("value")) {
			this.contoso.delete(WEBHOOKS + "/" + webhook.get("id").asString());
		}
	}

	@Test
	void theInviterHearsOfTheInvitationAndOfItsAnswer() throws Exception {
		Response registered = this.contoso.post(WEBHOOKS, "{\"url\": \"" + this.receiver.url()
				+ "\", \"events\": [\"related-referral-created\", \"related-referral-updated\"]}");
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		String secret = registered.json().get("secret").asString();
		Response created = this.contoso.post(REFERRALS, partnerToPartner(this.program.vienna()).toString());
		String deal = created.json().get("id").asString();

		Request invited = awaitRequests(1).get(0);
		assertThat(invited.verifiesWith(secret, this.clock.instant())).isTrue();
		JsonNode payload = JsonMapper.builder().build().readTree(invited.body());
		assertThat(payload.get("eventName").asString()).isEqualTo("related-referral-created");
		assertThat(payload.get("resourceId").asString()).isEqualTo(deal);
		assertThat(payload.get("resourceUri").asString()).endsWith(REFERRALS + "/" + deal);

		String invitation = this.fabrikam.get(REFERRALS).json().get("value").get(0).get("id").asString();
		assertThat(this.fabrikam.patch(REFERRALS + "/" + invitation, accept()).status()).isEqualTo(204);

		Request answered = awaitRequests(2).get(1);
		assertThat(answered.body()).contains("\"eventName\":\"related-referral-updated\"")
			.contains("\"resourceId\":\"" + deal + "\"");
		assertThat(answered.id()).isNotEqualTo(invited.id());
		this.dispatcher.deliverDue();
		assertThat(this.receiver.requests()).as("nothing about Fabrikam's own record").hasSize(2);
	}

	private List<Request> awaitRequests(int count) {
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			this.dispatcher.deliverDue();
			return this.receiver.requests().size() >= count;
		});
		return this.receiver.requests();
	}

}
