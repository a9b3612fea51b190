package org.leadrelay.referral.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.testing.ApiClient;
import org.leadrelay.testing.ApiClient.Response;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.MutableClock;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadrelay.testing.ReferralRequests.accept;
import static org.leadrelay.testing.ReferralRequests.newReferral;
import static org.leadrelay.testing.ReferralRequests.patch;
import static org.leadrelay.testing.ReferralRequests.replace;

/**
 * Listing with the OData subset: filters, ordering, counting and paging, and filters that
 * try to break out of their place.
 */
@IntegrationTest
class ReferralListingIntegrationTests {

	static final String REFERRALS = "/v1.0/engagements/referrals";

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	@Autowired
	MutableClock clock;

	Program program;

	ApiClient vendor;

	ApiClient contoso;

	/** Referral ids by what was done to them. */
	Map<String, String> ids = new LinkedHashMap<>();

	@BeforeEach
	void setUp() {
		this.program = this.programs.create();
		this.vendor = ApiClient.as(this.port, this.program.vendorClient());
		this.contoso = ApiClient.as(this.port, this.program.contosoClient());
		this.ids.put("received", send(newReferral(this.program.budapest()), 1000));
		this.ids.put("noValue", send(withoutValue(newReferral(this.program.budapest())), null));
		this.ids.put("accepted", send(newReferral(this.program.budapest()), 3000));
		this.ids.put("won", send(newReferral(this.program.budapest()), 2000));
		this.ids.put("declined",
				send(newReferral(this.program.budapest()).put("qualification", "MarketingQualified"), 500));
		this.ids.put("vienna", send(newReferral(this.program.vienna()), 4000));
		this.contoso.patch(REFERRALS + "/" + this.ids.get("accepted"), patch(replace("/status", "\"Active\"")));
		this.contoso.patch(REFERRALS + "/" + this.ids.get("won"), accept());
		this.contoso.patch(REFERRALS + "/" + this.ids.get("won"), patch(replace("/substatus", "\"Won\"")));
		this.contoso.patch(REFERRALS + "/" + this.ids.get("declined"),
				patch(replace("/substatus", "\"Declined\""), replace("/statusReason", "\"Duplicate\"")));
		this.contoso.patch(REFERRALS + "/" + this.ids.get("received"), patch(replace("/favorite", "true")));
	}

	@Test
	void filtersByStageTypeFavoriteAndCountry() {
		assertThat(ids("status eq 'New'")).containsExactlyInAnyOrder(id("received"), id("noValue"));
		assertThat(ids("substatus eq 'Accepted' or substatus eq 'Won'")).containsExactlyInAnyOrder(id("accepted"),
				id("won"));
		assertThat(ids("status eq 'Closed' and qualification eq 'MarketingQualified'")).containsExactly(id("declined"));
		assertThat(ids("(status eq 'Closed' or status eq 'Active') and qualification ne 'MarketingQualified'"))
			.containsExactlyInAnyOrder(id("accepted"), id("won"));
		assertThat(ids("favorite eq true")).containsExactly(id("received"));
		assertThat(ids("favorite ne true")).hasSize(4);
		assertThat(ids("direction eq 'Incoming'")).hasSize(5);
		assertThat(ids("direction eq 'Outgoing'")).isEmpty();
		assertThat(ids("customerProfile/address/country eq 'HU'")).hasSize(5);
		assertThat(ids("details/dealValue eq null")).containsExactly(id("noValue"));
		assertThat(ids("details/dealValue ge 2000 and status ne 'Closed'")).containsExactly(id("accepted"));
	}

	@Test
	void filtersByTime() {
		String before = this.clock.instant().toString();
		this.clock.advance(java.time.Duration.ofMinutes(5));
		String later = send(newReferral(this.program.budapest()), 10);

		assertThat(ids("createdDateTime gt " + before)).containsExactly(later);
		assertThat(ids("createdDateTime le " + before)).hasSize(5);
		assertThat(ids("expirationDateTime gt " + before + " and updatedDateTime ge " + before)).contains(later);
	}

	@Test
	void ordersAndPagesWithNextLinksWithoutGapsOrRepeats() {
		List<String> byValue = new ArrayList<>();
		String next = REFERRALS + "?$orderby=details/dealValue%20desc&$top=2&$count=true";
		int pages = 0;
		while (next != null) {
			JsonNode page = this.contoso.get(next).json();
			assertThat(page.get("@odata.count").asLong()).isEqualTo(5);
			page.get("value").forEach(referral -> byValue.add(referral.get("id").asString()));
			next = page.has("@odata.nextLink") ? page.get("@odata.nextLink").asString() : null;
			pages++;
		}
		assertThat(pages).isEqualTo(3);
		// accepting "won" set its value to 30,000
		assertThat(byValue).containsExactly(id("won"), id("accepted"), id("received"), id("declined"), id("noValue"));

		List<String> newestFirst = ids(Map.of());
		assertThat(newestFirst).containsExactly(id("declined"), id("won"), id("accepted"), id("noValue"),
				id("received"));
		assertThat(ids(Map.of("$orderby", "createdDateTime asc", "$skip", "3"))).containsExactly(id("won"),
				id("declined"));
	}

	@Test
	void unsupportedOptionsAreRefusedNamingThem() {
		assertRefused(Map.of("$filter", "status eq 'New' or ''1''=''1'"), "$filter");
		assertRefused(Map.of("$filter", "status eq 'New'; delete from referral"), "$filter");
		assertRefused(Map.of("$filter", "name eq 'x'"), "$filter");
		assertRefused(Map.of("$orderby", "name"), "$orderby");
		assertRefused(Map.of("$orderby", "createdDateTime sideways"), "$orderby");
		assertRefused(Map.of("$orderby", "createdDateTime, expirationDateTime"), "$orderby");
		assertRefused(Map.of("$top", "501"), "$top");
		assertRefused(Map.of("$top", "ten"), "$top");
		assertRefused(Map.of("$skip", "-1"), "$skip");
		assertRefused(Map.of("$skiptoken", "garbage"), "$skiptoken");
		assertRefused(Map.of("$skip", "1", "$skiptoken", "x"), "$skip");
		assertRefused(Map.of("$select", "id,favourite"), "$select");
		assertRefused(Map.of("$count", "maybe"), "$count");

		assertThat(ids(Map.of())).hasSize(5);
	}

	@Test
	void aSkipTokenOnlyWorksWithItsOwnOrdering() {
		String nextLink = this.contoso.get(REFERRALS, Map.of("$top", "1")).json().get("@odata.nextLink").asString();
		String token = nextLink.substring(nextLink.indexOf("$skiptoken=") + "$skiptoken=".length());

		Response mismatched = this.contoso.get(REFERRALS, Map.of("$orderby", "expirationDateTime", "$skiptoken",
				java.net.URLDecoder.decode(token, java.nio.charset.StandardCharsets.UTF_8)));

		assertThat(mismatched.status()).isEqualTo(400);
		assertThat(mismatched.errorTarget()).isEqualTo("$skiptoken");
	}

	private void assertRefused(Map<String, String> query, String target) {
		Response refused = this.contoso.get(REFERRALS, query);
		assertThat(refused.status()).as(query + " -> " + refused.body()).isEqualTo(400);
		assertThat(refused.errorCode()).isEqualTo("invalidRequest");
		assertThat(refused.errorTarget()).isEqualTo(target);
	}

	private List<String> ids(String filter) {
		return ids(Map.of("$filter", filter));
	}

	private List<String> ids(Map<String, String> query) {
		Response response = this.contoso.get(REFERRALS, query);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("value").valueStream().map(referral -> referral.get("id").asString()).toList();
	}

	private String id(String name) {
		return this.ids.get(name);
	}

	private String send(ObjectNode body, Integer dealValue) {
		if (dealValue != null) {
			((ObjectNode) body.get("details")).put("dealValue", dealValue);
		}
		this.clock.advance(java.time.Duration.ofSeconds(1));
		Response created = this.vendor.post(REFERRALS, body.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private static ObjectNode withoutValue(ObjectNode body) {
		((ObjectNode) body.get("details")).remove("dealValue");
		((ObjectNode) body.get("details")).remove("currency");
		return body;
	}

}
