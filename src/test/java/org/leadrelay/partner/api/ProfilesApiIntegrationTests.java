package org.leadrelay.partner.api;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.partner.CatalogueKind;
import org.leadrelay.testing.ApiClient;
import org.leadrelay.testing.ApiClient.Response;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.TestProfiles;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadrelay.testing.ReferralRequests.newReferral;

/**
 * Business profiles over the API with the partners' and the vendor's tokens: create,
 * read, change, locations and logo; every refusal a problem naming its field; another
 * organization's profile not found.
 */
@IntegrationTest
class ProfilesApiIntegrationTests {

	static final String PROFILES = "/v1.0/profiles";

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	@Autowired
	TestProfiles profiles;

	Program program;

	ApiClient contoso;

	@BeforeEach
	void setUp() {
		this.program = this.programs.create();
		this.profiles.catalogue(this.program.vendor(), CatalogueKind.PRODUCT, "Northwind ERP", "Northwind CRM");
		this.profiles.catalogue(this.program.vendor(), CatalogueKind.INDUSTRY, "Manufacturing", "Retail");
		this.contoso = ApiClient.as(this.port, this.program.contosoClient());
	}

	@Test
	void aPartnerCreatesItsProfileForARegionAndChangesIt() {
		Response created = this.contoso.post(PROFILES, """
				{"region": "EMEA", "name": "Contoso Consulting", "description": "ERP for manufacturers",
				 "website": "https://contoso.example", "products": ["northwind erp"], "industries": ["Manufacturing"],
				 "solutions": ["Inventory management"], "customerSizes": ["10to50employees", "51to250employees"]}""");

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(created.header("Location")).endsWith(PROFILES + "/" + id);
		assertThat(created.json().get("products").get(0).asString()).as("spelled as the catalogue spells it")
			.isEqualTo("Northwind ERP");
		assertThat(created.json().get("locations").size()).as("the partner's Budapest location is in EMEA")
			.isEqualTo(1);
		assertThat(created.json().get("eTag").asString()).isEqualTo("\"1\"");

		Response patched = this.contoso.header("If-Match", "\"1\"").patch(PROFILES + "/" + id, """
				{"description": "", "industries": ["Manufacturing", "Retail"]}""");

		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertThat(patched.json().get("description").isNull()).isTrue();
		assertThat(patched.json().get("website").asString()).as("left out, so kept")
			.isEqualTo("https://contoso.example");
		assertThat(patched.json().get("industries").valueStream().map(tag -> tag.asString()))
			.containsExactly("Manufacturing", "Retail");
		assertThat(
				this.contoso.header("If-Match", "\"1\"").patch(PROFILES + "/" + id, "{\"name\": \"Stale\"}").status())
			.isEqualTo(412);
		assertThat(this.contoso.post(PROFILES, "{\"region\": \"EMEA\", \"name\": \"Again\"}").status())
			.as("one profile per region")
			.isEqualTo(409);
		assertThat(this.contoso.get(PROFILES).json().get("value").size()).isEqualTo(1);
	}

	@Test
	void refusedInputNamesItsField() {
		assertProblem(this.contoso.post(PROFILES, "{\"region\": \"EMEA\", \"name\": \"C\", \"products\": [\"SAP\"]}"),
				"products");
		assertProblem(
				this.contoso.post(PROFILES,
						"{\"region\": \"EMEA\", \"name\": \"C\", \"description\": \"" + "x".repeat(2501) + "\"}"),
				"description");
		assertProblem(
				this.contoso.post(PROFILES, "{\"region\": \"EMEA\", \"name\": \"C\", \"customerSizes\": [\"huge\"]}"),
				"customerSizes");
		assertProblem(this.contoso.post(PROFILES, "{\"name\": \"C\"}"), "region");
		assertProblem(this.contoso.post(PROFILES, "{\"region\": \"EMEA\", \"name\": \"C\", \"color\": \"red\"}"),
				"color");
	}

	@Test
	void aProfileHasAtMostFiveLocationsInItsRegionAndRemovingOneKeepsItsLeads() {
		String id = createEmeaProfile();
		ApiClient vendor = ApiClient.as(this.port, this.program.vendorClient());
		String lead = vendor.post("/v1.0/engagements/referrals", newReferral(this.program.budapest()).toString())
			.json()
			.get("id")
			.asString();

		assertProblem(this.contoso.post(PROFILES + "/" + id + "/locations", location("Seattle", "US")), "country");
		for (String city : new String[] { "Debrecen", "Szeged", "Pécs", "Győr" }) {
			assertThat(this.contoso.post(PROFILES + "/" + id + "/locations", location(city, "HU")).status())
				.isEqualTo(201);
		}
		Response sixth = this.contoso.post(PROFILES + "/" + id + "/locations", location("Eger", "HU"));
		assertThat(sixth.status()).isEqualTo(409);
		assertThat(sixth.errorCode()).isEqualTo("conflict");

		Response removed = this.contoso.delete(PROFILES + "/" + id + "/locations/" + this.program.budapest().id());

		assertThat(removed.status()).isEqualTo(204);
		assertThat(this.contoso.get(PROFILES + "/" + id)
			.json()
			.get("locations")
			.valueStream()
			.map(location -> location.get("city").asString())).doesNotContain("Budapest").hasSize(4);
		assertThat(this.contoso.get("/v1.0/engagements/referrals/" + lead).status()).as("its lead stays")
			.isEqualTo(200);
		assertThat(this.contoso.post(PROFILES + "/" + id + "/locations", location("Eger", "HU")).status())
			.isEqualTo(201);
	}

	@Test
	void aLogoIsCheckedByItsContent() throws IOException {
		String id = createEmeaProfile();

		Response renamedText = this.contoso.put(PROFILES + "/" + id + "/logo",
				"just text, named logo.png".getBytes(StandardCharsets.UTF_8), "image/png");
		assertProblem(renamedText, "logo");
		assertThat(renamedText.json().path("error").path("message").asString()).contains("PNG, JPEG or GIF");
		assertProblem(this.contoso.put(PROFILES + "/" + id + "/logo", png(301, 40), "image/png"), "logo");

		Response uploaded = this.contoso.put(PROFILES + "/" + id + "/logo", png(300, 80), "image/png");

		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
		String logoUrl = uploaded.json().get("logoUrl").asString();
		Response logo = ApiClient.anonymous(this.port).get(logoUrl.replace("http://localhost:8080", ""));
		assertThat(logo.status()).isEqualTo(200);
		assertThat(logo.header("Content-Type")).isEqualTo("image/png");
	}

	@Test
	void anotherOrganizationsProfileIsNotFoundAndTheVendorOnlyReads() {
		String id = createEmeaProfile();
		ApiClient fabrikam = ApiClient.as(this.port, this.program.fabrikamClient());
		ApiClient vendor = ApiClient.as(this.port, this.program.vendorClient());
		ApiClient otherVendor = ApiClient.as(this.port, this.programs.create().vendorClient());

		assertThat(fabrikam.get(PROFILES + "/" + id).status()).isEqualTo(404);
		assertThat(fabrikam.patch(PROFILES + "/" + id, "{\"name\": \"Mine\"}").status()).isEqualTo(404);
		assertThat(fabrikam.delete(PROFILES + "/" + id + "/locations/" + this.program.budapest().id()).status())
			.isEqualTo(404);
		assertThat(otherVendor.get(PROFILES + "/" + id).status()).isEqualTo(404);
		assertThat(fabrikam.get(PROFILES).json().get("value").size()).isZero();

		assertThat(vendor.get(PROFILES + "/" + id).status()).isEqualTo(200);
		assertThat(vendor.get(PROFILES).json().get("value").valueStream().map(profile -> profile.get("id").asString()))
			.containsExactly(id);
		Response vendorEdit = vendor.patch(PROFILES + "/" + id, "{\"name\": \"Mine\"}");
		assertThat(vendorEdit.status()).isEqualTo(403);
		assertThat(this.contoso.get(PROFILES + "/" + id).json().get("name").asString()).isEqualTo("Contoso Consulting");
	}

	@Test
	void theVendorKeepsItsCatalogue() {
		ApiClient vendor = ApiClient.as(this.port, this.program.vendorClient());

		Response replaced = vendor.put("/v1.0/catalogue",
				"{\"industries\": [\"Retail\"], \"products\": [\"Northwind ERP\", \"Northwind BI\"], \"services\": []}"
					.getBytes(StandardCharsets.UTF_8),
				"application/json");

		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
		assertThat(this.contoso.get("/v1.0/catalogue").json().get("products").valueStream().map(p -> p.asString()))
			.containsExactly("Northwind BI", "Northwind ERP");
		assertThat(
				this.contoso.put("/v1.0/catalogue", "{}".getBytes(StandardCharsets.UTF_8), "application/json").status())
			.isEqualTo(403);
	}

	private String createEmeaProfile() {
		Response created = this.contoso.post(PROFILES, "{\"region\": \"EMEA\", \"name\": \"Contoso Consulting\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private static String location(String city, String country) {
		return """
				{"name": "Contoso %s", "addressLine1": "Fő utca 1", "city": "%s", "country": "%s",
				 "phone": "+36 1 555 0100", "alertEmails": ["leads@contoso.example"]}""".formatted(city, city, country);
	}

	private static void assertProblem(Response response, String target) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.errorCode()).isEqualTo("invalidRequest");
		assertThat(response.errorTarget()).isEqualTo(target);
	}

	private static byte[] png(int width, int height) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}

}
