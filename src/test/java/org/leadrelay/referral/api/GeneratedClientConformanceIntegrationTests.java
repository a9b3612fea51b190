package org.leadrelay.referral.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.generated.referrals.ApiException;
import org.leadrelay.generated.referrals.ApiResponse;
import org.leadrelay.generated.referrals.api.ReferralsApi;
import org.leadrelay.generated.referrals.model.Contract;
import org.leadrelay.generated.referrals.model.CustomerTeamInner;
import org.leadrelay.generated.referrals.model.CustomerTeamInnerContactPreference;
import org.leadrelay.generated.referrals.model.GetAllReferrals200Response;
import org.leadrelay.generated.referrals.model.IndustriesInner;
import org.leadrelay.generated.referrals.model.MicrosoftPartnerServicePartnerReferralsContractsV3Referral;
import org.leadrelay.generated.referrals.model.MicrosoftPartnerServicePartnerReferralsContractsV3ReferralConsent;
import org.leadrelay.generated.referrals.model.MicrosoftPartnerServicePartnerReferralsContractsV3ReferralCustomerProfile;
import org.leadrelay.generated.referrals.model.MicrosoftPartnerServicePartnerReferralsContractsV3ReferralCustomerProfileAddress;
import org.leadrelay.generated.referrals.model.MicrosoftPartnerServicePartnerReferralsContractsV3ReferralDetails;
import org.leadrelay.generated.referrals.model.MicrosoftPartnerServicePartnerReferralsContractsV3ReferralInviteContext;
import org.leadrelay.generated.referrals.model.MicrosoftPartnerServicePartnerReferralsContractsV3ReferralInviteContextInvitedBy;
import org.leadrelay.generated.referrals.model.MicrosoftPartnerServicePartnerReferralsContractsV3ReferralLinks;
import org.leadrelay.generated.referrals.model.MicrosoftPartnerServicePartnerReferralsContractsV3ReferralLinksSelf;
import org.leadrelay.generated.referrals.model.MicrosoftPartnerServicePartnerReferralsContractsV3ReferralTargetInner;
import org.leadrelay.generated.referrals.model.MicrosoftPartnerServicePartnerReferralsContractsV3ReferralTrackingInfo;
import org.leadrelay.generated.referrals.model.MicrosoftPartnerServicePartnerReferralsContractsV3UpdateReferralDetailsInner;
import org.leadrelay.generated.referrals.model.MicrosoftPartnerServicePartnerReferralsContractsV3UpdateReferralDetailsInner.OpEnum;
import org.leadrelay.generated.referrals.model.MicrosoftPartnerServicePartnerReferralsContractsV3UpdateReferralDetailsInner.PathEnum;
import org.leadrelay.generated.referrals.model.ProductsInner;
import org.leadrelay.generated.referrals.model.ReferralRequirements;
import org.leadrelay.generated.referrals.model.RegistrationsInner;
import org.leadrelay.generated.referrals.model.SalesTeamInner;
import org.leadrelay.generated.referrals.model.SalesTeamInnerContactPreference;
import org.leadrelay.generated.referrals.model.ServicesInner;
import org.leadrelay.generated.referrals.model.TagsInner;
import org.leadrelay.generated.referrals.model.Contract1;
import org.leadrelay.generated.referrals.model.MicrosoftPartnerServicePartnerReferralsContractsV3DealRegistrationInner;
import org.leadrelay.generated.referrals.model.MicrosoftPartnerServicePartnerReferralsContractsV3DealRegistrationInnerValue;
import org.leadrelay.generated.referrals.model.SolutionDetailsInner1;
import org.leadrelay.partner.Catalogue;
import org.leadrelay.partner.CatalogueKind;
import org.leadrelay.partner.Location;
import org.leadrelay.testing.ApiClient;
import org.leadrelay.testing.DealRequests;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.MutableClock;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Credentials;
import org.leadrelay.testing.TestProgram.Program;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The Referrals API as an integrator meets it: every operation driven through a Java
 * client generated at build time from the reference swagger
 * ({@code openapi-generator-maven-plugin}, {@code native} library), with the models it
 * builds (which send every property, empty arrays included).
 */
@IntegrationTest
class GeneratedClientConformanceIntegrationTests {

	private static final String JSON = "application/json";

	private static final String REFERENCE = "src/test/resources/reference/partner-center-referrals.swagger.json";

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	@Autowired
	Catalogue catalogue;

	@Autowired
	MutableClock clock;

	Program program;

	ReferralsApi vendor;

	ReferralsApi contoso;

	/** Contoso's generated client underneath, for what its operations do not cover. */
	GeneratedApiClient contosoClient;

	ObjectMapper mapper;

	@BeforeEach
	void setUp() {
		this.program = this.programs.create();
		this.vendor = new ReferralsApi(client(this.program.vendorClient()));
		this.contosoClient = client(this.program.contosoClient());
		this.contoso = new ReferralsApi(this.contosoClient);
		this.mapper = this.contosoClient.getObjectMapper();
	}

	@Test
	void everyPropertySetOnCreateComesBackOrIsNotStoredByTheReadme() throws Exception {
		MicrosoftPartnerServicePartnerReferralsContractsV3Referral sent = everything(this.program.budapest());

		MicrosoftPartnerServicePartnerReferralsContractsV3Referral created = this.vendor.createReferral(sent,
				"conformance-create", "generated-client");
		MicrosoftPartnerServicePartnerReferralsContractsV3Referral fetched = this.contoso
			.getReferralById(created.getId(), JSON, null, null);

		Set<String> notStored = readmeTable().entrySet()
			.stream()
			.filter(row -> !row.getValue().equals("Stored"))
			.map(Map.Entry::getKey)
			.collect(Collectors.toSet());
		List<String> compared = new ArrayList<>();
		List<String> differences = new ArrayList<>();
		JsonNode expected = this.mapper.valueToTree(sent);
		List<JsonNode> answers = List.of(this.mapper.valueToTree(created), this.mapper.valueToTree(fetched));
		for (JsonNode document : answers) {
			leaves(expected, "", (pointer, value) -> {
				if (notStored.stream().anyMatch(path -> covers(path, pointer))) {
					return;
				}
				compared.add(pointer);
				if (!document.at(pointer).equals(value)) {
					differences.add(pointer + ": sent " + value + ", got " + document.at(pointer));
				}
			});
		}
		assertThat(differences).isEmpty();
		assertThat(compared).contains("/externalReferenceId", "/tags/0/tag", "/team/0/email", "/campaignId",
				"/salesStage", "/inviteContext/assistanceRequestCode", "/customerProfile/ids/0/crmId",
				"/referralSource", "/callToAction", "/trackingInfo/microsoftMsxId", "/details/customerAction",
				"/details/requirements/offers/0/id", "/details/requirements/additionalRequirements/attributes/0/id",
				"/customerProfile/address/region", "/consent/consentToShareReferralWithMicrosoftSellers",
				"/referralProgram");
		assertThat(fetched.getStatus()).isEqualTo("New");
		assertThat(fetched.getSubstatus()).isEqualTo("Received");
		assertThat(fetched.getId()).isNotEqualTo(sent.getId());
		assertThat(fetched.getOrganizationId()).isEqualTo(this.program.contoso().id().toString());
		assertThat(fetched.getRegistrations()).isNullOrEmpty();
		assertThat(fetched.getLinks()).isNull();
	}

	@Test
	void aPartnerRegistersItsWonDealThroughTheStockOperationAndReadsItBack() throws Exception {
		this.catalogue.add(this.program.vendor().id(), CatalogueKind.PRODUCT, "Analytics Suite");
		ApiClient contoso = ApiClient.as(this.port, this.program.contosoClient());
		tools.jackson.databind.node.ObjectNode body = DealRequests.partnerLed();
		((tools.jackson.databind.node.ObjectNode) body.at("/details/requirements")).putArray("products")
			.addObject()
			.put("id", "Analytics Suite");
		String id = contoso.post("/v1.0/engagements/referrals", body.toString()).json().get("id").asString();
		this.contoso.patchReferralById(id, JSON,
				List.of(replace(PathEnum._STATUS, "Closed"), replace(PathEnum._SUBSTATUS, "Won")), null, null);
		this.clock.advance(java.time.Duration.ofHours(72));

		MicrosoftPartnerServicePartnerReferralsContractsV3Referral registered = this.contoso
			.createDealRegistrationByReferralId(id, JSON, List
				.of(new MicrosoftPartnerServicePartnerReferralsContractsV3DealRegistrationInner()
					.op(MicrosoftPartnerServicePartnerReferralsContractsV3DealRegistrationInner.OpEnum.ADD)
					.path(MicrosoftPartnerServicePartnerReferralsContractsV3DealRegistrationInner.PathEnum._REGISTRATIONS_)
					.value(new MicrosoftPartnerServicePartnerReferralsContractsV3DealRegistrationInnerValue().type(
							MicrosoftPartnerServicePartnerReferralsContractsV3DealRegistrationInnerValue.TypeEnum.AZURE_IPCO_SELL)
						.solutionDetails(List.of(new SolutionDetailsInner1().id("Analytics Suite")))
						.contract(new Contract1().value(35000f).currency("EUR")))),
					null, null);

		assertThat(registered.getRegistrationStatus()).isEqualTo("Pending");
		MicrosoftPartnerServicePartnerReferralsContractsV3Referral read = this.contoso.getReferralById(id, JSON, null,
				null);
		assertThat(read.getRegistrations()).singleElement().satisfies(registration -> {
			assertThat(registration.getStatus()).isEqualTo("Pending");
			assertThat(registration.getContract().getValue()).isEqualTo(35000f);
			assertThat(registration.getContract().getCurrency()).isEqualTo("EUR");
			assertThat(registration.getRegistrationDateTime()).isNotBlank();
		});
	}

	@Test
	void theReadmeTableNamesEveryPropertyOfTheReference() throws IOException {
		Set<String> documented = readmeTable().keySet();
		List<String> missing = new ArrayList<>();
		JsonNode referral = this.mapper.readTree(Path.of(REFERENCE).toFile())
			.get("definitions")
			.get("Microsoft.Partner.Service.PartnerReferrals.Contracts.V3.Referral");
		properties(referral, "", path -> {
			if (documented.stream().noneMatch(row -> covers(row, "/" + path) || covers(path, "/" + row))) {
				missing.add(path);
			}
		});

		assertThat(missing).isEmpty();
		assertThat(documented).contains("externalReferenceId", "tags", "customerProfile/ids", "registrations");
	}

	@Test
	void aPartnerWorksAReferralThroughEveryOperation() throws Exception {
		MicrosoftPartnerServicePartnerReferralsContractsV3Referral created = this.vendor
			.createReferral(everything(this.program.budapest()), null, null);
		String id = created.getId();

		this.contoso.patchReferralById(id, JSON,
				List.of(replace(PathEnum._STATUS, "Active"), replace(PathEnum._SUBSTATUS, "Accepted")), null, null);
		this.contoso.patchReferralById(id, JSON,
				List.of(new MicrosoftPartnerServicePartnerReferralsContractsV3UpdateReferralDetailsInner()
					.op(OpEnum.ADD)
					.path(PathEnum._TEAM_)
					.value(new SalesTeamInner().firstName("Bence")
						.lastName("Szabó")
						.email("bence@contoso.example")
						.contactPreference(new SalesTeamInnerContactPreference().locale("hu-HU")))),
				null, null);
		ApiResponse<MicrosoftPartnerServicePartnerReferralsContractsV3Referral> read = this.contoso
			.getReferralByIdWithHttpInfo(id, JSON, null, null);
		String etag = read.getHeaders().get("etag").get(0);
		MicrosoftPartnerServicePartnerReferralsContractsV3Referral replacement = read.getData();
		replacement.salesStage(MicrosoftPartnerServicePartnerReferralsContractsV3Referral.SalesStageEnum.PROPOSE);
		replacement.getDetails().notes("Pilot in the Debrecen warehouse first");
		MicrosoftPartnerServicePartnerReferralsContractsV3Referral replaced = this.contoso.updateReferralById(id, etag,
				JSON, replacement, null, null);
		this.contoso.patchReferralById(id, JSON,
				List.of(replace(PathEnum._STATUS, "Closed"), replace(PathEnum._SUBSTATUS, "Won")), null, null);

		MicrosoftPartnerServicePartnerReferralsContractsV3Referral won = this.contoso.getReferralById(id, JSON, null,
				null);
		assertThat(replaced.getSalesStage())
			.isEqualTo(MicrosoftPartnerServicePartnerReferralsContractsV3Referral.SalesStageEnum.PROPOSE);
		assertThat(replaced.getDetails().getNotes()).isEqualTo("Pilot in the Debrecen warehouse first");
		assertThat(replaced.geteTag()).isNotEqualTo(etag);
		assertThat(won.getStatus()).isEqualTo("Closed");
		assertThat(won.getSubstatus()).isEqualTo("Won");
		assertThat(won.getTeam()).extracting(SalesTeamInner::getEmail)
			.containsExactly("anna.kovacs@vendor.example", "bence@contoso.example");
		assertThat(won.getAcceptedDateTime()).isNotNull();
		assertThat(won.getClosedDateTime()).isNotNull();
		assertThat(won.getSalesStage())
			.isEqualTo(MicrosoftPartnerServicePartnerReferralsContractsV3Referral.SalesStageEnum.PROPOSE);
	}

	@Test
	void theReferencesAttributePatchPathsChangeOneAttributeAndKeepTheOthers() throws Exception {
		String id = this.vendor.createReferral(everything(this.program.budapest()), null, null).getId();

		this.contoso.patchReferralById(id, JSON,
				List.of(replace(PathEnum._SALES_STAGE, "Develop"), replace(PathEnum._REFERRAL_PROGRAM, "Partner-led"),
						replace(PathEnum._CONSENT_CONSENT_TO_SHARE_REFERRAL_WITH_MICROSOFT_SELLERS, true)),
				null, null);
		ApiException solutions = catchThrowableOfType(ApiException.class, () -> this.contoso.patchReferralById(id, JSON,
				List.of(replace(PathEnum._DETAILS_REQUIREMENTS_SOLUTIONS, List.of("Other"))), null, null));

		var referral = this.contoso.getReferralById(id, JSON, null, null);
		assertThat(referral.getSalesStage())
			.isEqualTo(MicrosoftPartnerServicePartnerReferralsContractsV3Referral.SalesStageEnum.DEVELOP);
		assertThat(referral.getReferralProgram()).isEqualTo("Partner-led");
		assertThat(referral.getConsent().getConsentToShareReferralWithMicrosoftSellers()).isTrue();
		assertThat(referral.getTags()).extracting(TagsInner::getTag).containsExactly("spring-fair", "erp");
		assertThat(referral.getReferralSource()).isEqualTo("Marketplace");
		assertThat(solutions.getCode()).isEqualTo(400);
		assertThat(solutions.getResponseBody()).contains("\"target\":\"details/requirements/solutions\"");
	}

	@Test
	void aReferralIsDeclinedAndAnotherLost() throws Exception {
		String declined = this.vendor.createReferral(everything(this.program.budapest()), null, null).getId();
		String lost = this.vendor.createReferral(everything(this.program.budapest()), null, null).getId();

		this.contoso.patchReferralById(declined, JSON, List.of(replace(PathEnum._STATUS, "Closed"),
				replace(PathEnum._SUBSTATUS, "Declined"), replace(PathEnum._STATUS_REASON, "OutsideOurRegion")), null,
				null);
		this.contoso.patchReferralById(lost, JSON,
				List.of(replace(PathEnum._STATUS, "Active"), replace(PathEnum._SUBSTATUS, "Accepted")), null, null);
		this.contoso.patchReferralById(lost, JSON, List.of(replace(PathEnum._STATUS, "Closed"),
				replace(PathEnum._SUBSTATUS, "Lost"), replace(PathEnum._STATUS_REASON, "LostToCompetitor")), null,
				null);

		var declinedReferral = this.contoso.getReferralById(declined, JSON, null, null);
		var lostReferral = this.contoso.getReferralById(lost, JSON, null, null);
		assertThat(declinedReferral.getSubstatus()).isEqualTo("Declined");
		assertThat(declinedReferral.getStatusReason()).isEqualTo("OutsideOurRegion");
		assertThat(lostReferral.getSubstatus()).isEqualTo("Lost");
		assertThat(lostReferral.getStatusReason()).isEqualTo("LostToCompetitor");
	}

	@Test
	void theListTakesEveryODataOptionOfTheReferenceAndFollowsNextLinks() throws Exception {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ids.add(this.vendor.createReferral(everything(this.program.budapest()), null, null).getId());
		}
		this.contoso.patchReferralById(ids.get(0), JSON,
				List.of(replace(PathEnum._STATUS, "Active"), replace(PathEnum._SUBSTATUS, "Accepted")), null, null);

		GetAllReferrals200Response active = this.contoso.getAllReferrals(JSON, "team", "status eq 'Active'", null,
				"createdDateTime desc", 10, null, true, UUID.randomUUID().toString(), "conformance");
		GetAllReferrals200Response selected = this.contoso.getAllReferrals(JSON, null, "status eq 'New'",
				"id,name,status,substatus", "createdDateTime asc", 1, null, true, null, null);
		List<String> paged = new ArrayList<>();
		String nextLink = nextLink("status eq 'New'", "id,name,status,substatus");
		while (nextLink != null) {
			JsonNode page = this.mapper.readTree(get(this.contosoClient, nextLink));
			this.mapper.treeToValue(page, GetAllReferrals200Response.class)
				.getValue()
				.forEach(referral -> paged.add(referral.getId()));
			nextLink = page.path("@odata.nextLink").isTextual() ? page.get("@odata.nextLink").asText() : null;
		}

		assertThat(active.getAtOdataCount()).isEqualTo(1);
		assertThat(active.getValue()).extracting(MicrosoftPartnerServicePartnerReferralsContractsV3Referral::getId)
			.containsExactly(ids.get(0));
		assertThat(active.getValue().get(0).getTeam()).isNotEmpty();
		assertThat(selected.getAtOdataCount()).isEqualTo(2);
		var first = selected.getValue().get(0);
		assertThat(first.getId()).isIn(ids.get(1), ids.get(2));
		assertThat(first.getName()).isNotNull();
		assertThat(first.getStatus()).isEqualTo("New");
		assertThat(first.getCustomerProfile()).isNull();
		assertThat(first.getDetails()).isNull();
		assertThat(paged).hasSize(1).isSubsetOf(ids.get(1), ids.get(2)).doesNotContain(first.getId());
	}

	@Test
	void anUnknownReferralIsNotFound() {
		ApiException missing = catchThrowableOfType(ApiException.class,
				() -> this.contoso.getReferralById(UUID.randomUUID().toString(), JSON, null, null));

		assertThat(missing.getCode()).isEqualTo(404);
		assertThat(missing.getResponseBody()).contains("\"itemNotFound\"");
	}

	@Test
	void aStaleReplacementFailsThePrecondition() throws Exception {
		String id = this.vendor.createReferral(everything(this.program.budapest()), null, null).getId();
		ApiResponse<MicrosoftPartnerServicePartnerReferralsContractsV3Referral> read = this.contoso
			.getReferralByIdWithHttpInfo(id, JSON, null, null);
		this.contoso.patchReferralById(id, JSON,
				List.of(replace(PathEnum._STATUS, "Active"), replace(PathEnum._SUBSTATUS, "Accepted")), null, null);

		ApiException stale = catchThrowableOfType(ApiException.class, () -> this.contoso.updateReferralById(id,
				read.getHeaders().get("etag").get(0), JSON, read.getData(), null, null));

		assertThat(stale.getCode()).isEqualTo(412);
		assertThat(stale.getResponseBody()).contains("\"preconditionFailed\"");
	}

	private GeneratedApiClient client(Credentials credentials) {
		String token = ApiClient.anonymous(this.port).tokenRequest(credentials).json().get("access_token").asString();
		GeneratedApiClient client = new GeneratedApiClient();
		client.updateBaseUri("http://localhost:" + this.port + "/v1.0/engagements");
		client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
		return client;
	}

	/** The first page's next link, which the generated list model has no property for. */
	private String nextLink(String filter, String select) throws Exception {
		String query = "?$filter=" + encode(filter) + "&$select=" + encode(select)
				+ "&$orderby=createdDateTime%20asc&$top=1&$count=true";
		return this.mapper.readTree(get(this.contosoClient, this.contosoClient.getBaseUri() + "/referrals" + query))
			.get("@odata.nextLink")
			.asText();
	}

	private static String get(GeneratedApiClient client, String url) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", JSON);
		client.getRequestInterceptor().accept(request);
		HttpResponse<String> response = client.getHttpClient()
			.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static MicrosoftPartnerServicePartnerReferralsContractsV3UpdateReferralDetailsInner replace(PathEnum path,
			Object value) {
		return new MicrosoftPartnerServicePartnerReferralsContractsV3UpdateReferralDetailsInner().op(OpEnum.REPLACE)
			.path(path)
			.value(value);
	}

	/**
	 * A referral with every property of the model set, server-owned ones included, as a
	 * careless client might send it.
	 */
	private static MicrosoftPartnerServicePartnerReferralsContractsV3Referral everything(Location location) {
		Map<String, Object> customerId = new LinkedHashMap<>();
		customerId.put("crmId", "ACC-0042");
		customerId.put("source", "Dynamics365");
		Map<String, Object> attribute = new LinkedHashMap<>();
		attribute.put("id", "ISO27001");
		attribute.put("type", "Certification");
		return new MicrosoftPartnerServicePartnerReferralsContractsV3Referral(
				List.of(new RegistrationsInner().id("REG-1").status("Approved").contract(new Contract().term("12"))),
				"Approved", "High", false, "Outgoing",
				List.of(new TagsInner().tag("spring-fair"), new TagsInner().tag("erp")), "2020-01-01T00:00:00Z",
				"2020-02-01T00:00:00Z")
			.atOdataContext("https://api.partner.microsoft.com/v1.0/engagements/$metadata#referrals/$entity")
			.id("not-an-id-of-leadrelay")
			.eTag("\"42\"")
			.engagementId("ENG-1")
			.organizationId("ORG-1")
			.organizationName("Someone else")
			.createdDateTime("2020-01-01T00:00:00Z")
			.updatedDateTime("2020-01-01T00:00:00Z")
			.expirationDateTime("2020-01-15T00:00:00Z")
			.lastModifiedVia("PartnerCenter")
			.lastRunId("RUN-7")
			.mpnId("1234567")
			.links(new MicrosoftPartnerServicePartnerReferralsContractsV3ReferralLinks()
				.self(new MicrosoftPartnerServicePartnerReferralsContractsV3ReferralLinksSelf().method("GET")
					.uri("https://example.com/referrals/1")))
			.favorite(true)
			.status("Active")
			.substatus("Accepted")
			.statusReason("Spam")
			.name("ERP for Alpine Dairy")
			.externalReferenceId("D365-LEAD-0042")
			.campaignId("SPRING-26")
			.qualification("SalesQualified")
			.type("Shared")
			.salesStage(MicrosoftPartnerServicePartnerReferralsContractsV3Referral.SalesStageEnum.QUALIFY)
			.referralProgram("Co-sell")
			.referralSource("Marketplace")
			.callToAction("Contact me")
			.trackingInfo(new MicrosoftPartnerServicePartnerReferralsContractsV3ReferralTrackingInfo()
				.microsoftMsxId("7-ABCDEFGH"))
			.target(List.of(new MicrosoftPartnerServicePartnerReferralsContractsV3ReferralTargetInner()
				.type("BusinessProfileLocation")
				.id(location.id().toString())))
			.team(List.of(new SalesTeamInner().firstName("Anna")
				.lastName("Kovács")
				.phoneNumber("+36 1 555 0100")
				.email("anna.kovacs@vendor.example")
				.contactPreference(new SalesTeamInnerContactPreference().disableNotifications(true).locale("hu-HU"))))
			.customerProfile(
					new MicrosoftPartnerServicePartnerReferralsContractsV3ReferralCustomerProfile()
						.name("Alpine Dairy Kft.")
						.size("Morethan20000employees")
						.ids(List.of(customerId))
						.address(new MicrosoftPartnerServicePartnerReferralsContractsV3ReferralCustomerProfileAddress()
							.addressLine1("Piac utca 1")
							.addressLine2("2. emelet")
							.city("Debrecen")
							.state("Hajdú-Bihar")
							.region("Észak-Alföld")
							.postalCode("4025")
							.country("HU"))
						.team(List.of(new CustomerTeamInner().firstName("Eszter")
							.lastName("Nagy")
							.phoneNumber("+36 52 555 0100")
							.email("eszter.nagy@alpine.example")
							.contactPreference(new CustomerTeamInnerContactPreference().disableNotifications(false)
								.locale("en-US")))))
			.consent(new MicrosoftPartnerServicePartnerReferralsContractsV3ReferralConsent().consentToContact(true)
				.consentToToShareInfoWithOthers(true)
				.consentToShareReferralWithMicrosoftSellers(false))
			.details(new MicrosoftPartnerServicePartnerReferralsContractsV3ReferralDetails()
				.notes("Replace spreadsheets with an ERP for three warehouses")
				.dealValue(25000.5f)
				.currency("EUR")
				.closingDateTime("2027-03-31T00:00:00Z")
				.customerRequestedContact(true)
				.customerAction("Requested a demo")
				.requirements(new ReferralRequirements().industries(List.of(new IndustriesInner().id("Manufacturing")))
					.products(List.of(new ProductsInner().id("Northwind ERP")))
					.services(List.of(new ServicesInner().id("Implementation")))
					.solutions(List.of("Warehouse management"))
					.offers(List.of(Map.of("id", "OFFER-7")))
					.additionalRequirements(Map.of("attributes", List.of(attribute)))))
			.inviteContext(new MicrosoftPartnerServicePartnerReferralsContractsV3ReferralInviteContext()
				.notes("Met at the Debrecen roadshow")
				.assistanceRequestCode(
						MicrosoftPartnerServicePartnerReferralsContractsV3ReferralInviteContext.AssistanceRequestCodeEnum.PROOF_OF_CONCEPT_OR_DEMO)
				.invitedBy(new MicrosoftPartnerServicePartnerReferralsContractsV3ReferralInviteContextInvitedBy()
					.organizationId("ORG-2")
					.organizationName("Not the sender")));
	}

	/**
	 * The README's property table: each reference property (a path such as
	 * {@code customerProfile/ids}) with what LeadRelay does with it (Stored,
	 * Server-owned, Lifecycle, Ignored).
	 */
	private static Map<String, String> readmeTable() throws IOException {
		Map<String, String> table = new LinkedHashMap<>();
		Pattern row = Pattern.compile("^\\| (`.+?) \\| (Stored|Server-owned|Lifecycle|Ignored) \\|");
		Pattern name = Pattern.compile("`([^`]+)`");
		for (String line : Files.readAllLines(Path.of("README.md"))) {
			Matcher matcher = row.matcher(line);
			if (matcher.find()) {
				Matcher names = name.matcher(matcher.group(1));
				while (names.find()) {
					table.put(names.group(1), matcher.group(2));
				}
			}
		}
		return table;
	}

	/**
	 * Whether a table path covers a JSON pointer: the pointer, without array indexes, is
	 * the path or below it.
	 */
	private static boolean covers(String path, String pointer) {
		String property = pointer.replaceAll("/\\d+(?=/|$)", "").substring(1);
		return property.equals(path) || property.startsWith(path + "/");
	}

	private static void leaves(JsonNode node, String pointer, java.util.function.BiConsumer<String, JsonNode> leaf) {
		if (node.isObject() && !node.isEmpty()) {
			node.fields()
				.forEachRemaining(field -> leaves(field.getValue(),
						pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1"), leaf));
		}
		else if (node.isArray() && !node.isEmpty()) {
			for (int i = 0; i < node.size(); i++) {
				leaves(node.get(i), pointer + "/" + i, leaf);
			}
		}
		else {
			leaf.accept(pointer, node);
		}
	}

	private static void properties(JsonNode schema, String path, java.util.function.Consumer<String> property) {
		JsonNode properties = schema.path("type").asText().equals("array") ? schema.path("items").path("properties")
				: schema.path("properties");
		properties.fields().forEachRemaining(field -> {
			String name = path.isEmpty() ? field.getKey() : path + "/" + field.getKey();
			property.accept(name);
			properties(field.getValue(), name, property);
		});
	}

	/**
	 * The generated client's own {@code ApiClient}, beside the test helper of that name.
	 */
	static class GeneratedApiClient extends org.leadrelay.generated.referrals.ApiClient {

	}

}
