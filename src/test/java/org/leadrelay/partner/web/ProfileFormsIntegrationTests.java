package org.leadrelay.partner.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadrelay.partner.BusinessProfile;
import org.leadrelay.partner.CatalogueKind;
import org.leadrelay.partner.Expertise;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.TestProfiles;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.TestUsers;
import org.leadrelay.testing.WebSession;
import org.leadrelay.testing.WebSession.Page;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The profile page's forms as a person meets them (issue 15): refusals written for
 * people, in English and Hungarian, at their field; one id per element; the region's
 * countries in the order of their names; phones that dial.
 */
@IntegrationTest
class ProfileFormsIntegrationTests {

	private static final Pattern OPTION = Pattern.compile("<option value=\"([A-Z]{2})\"[^>]*>([^<]+)</option>");

	@LocalServerPort
	int port;

	@Autowired
	TestProgram programs;

	@Autowired
	TestProfiles profiles;

	@Autowired
	TestUsers users;

	Program program;

	BusinessProfile profile;

	String page;

	@BeforeEach
	void setUp() {
		this.program = this.programs.create();
		this.profiles.catalogue(this.program.vendor(), CatalogueKind.PRODUCT, "Northwind ERP");
		this.profile = this.profiles.listed(this.program.contoso(), "Contoso Consulting",
				new Expertise(List.of(), List.of("Northwind ERP"), List.of(), List.of()),
				TestProfiles.location("Contoso Szeged", "HU"));
		this.page = "/profile/" + this.profile.id();
	}

	@Test
	void aWebsiteThatIsNoWebAddressIsRefusedAtItsFieldInWordsForPeople() {
		WebSession english = signedIn("en");
		english.get(this.page);
		Page refused = english.post(this.page, details("contoso.example"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(errorsOf(refused.body(), "website"))
			.isEqualTo("Enter a web address that starts with https://, such as https://contoso.example.");
		assertThat(refused.body()).doesNotContain("must be a web address", "(got ");

		WebSession hungarian = signedIn("hu");
		hungarian.get(this.page);
		assertThat(errorsOf(hungarian.post(this.page, details("contoso.example")).body(), "website"))
			.isEqualTo("Adjon meg https://-sel kezdődő webcímet, például https://contoso.example.");
	}

	@Test
	void alertEmailsAndPhonesThatAreNoAddressesAreRefusedAtTheirFieldsInBothLanguages() {
		WebSession hungarian = signedIn("hu");
		hungarian.get(this.page);
		Map<String, String> location = location("nem-email", "+36 1 555 0100");

		Page refused = hungarian.post(this.page + "/locations", location);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(errorsOf(refused.body(), "location-alertEmails"))
			.isEqualTo("Adjon meg legfeljebb 10 e-mail-címet vesszővel elválasztva, például leads@contoso.example.");
		assertThat(refused.body()).doesNotContain("Nem elfogadható", "is not a valid email address")
			.contains("nem-email");

		WebSession english = signedIn("en");
		english.get(this.page);
		Page badPhone = english.post(this.page + "/locations", location("leads@contoso.example", "call us"));
		assertThat(errorsOf(badPhone.body(), "location-phone")).startsWith("Enter a phone number with digits");
		assertThat(badPhone.body()).doesNotContain("Not accepted:", "phone may contain");
	}

	@Test
	void everyIdOnTheProfilePageIsUniqueAndEachLabelNamesItsOwnField() {
		String body = signedIn("en").get(this.page).body();

		List<String> ids = new ArrayList<>();
		Matcher id = Pattern.compile("\\sid=\"([^\"]+)\"").matcher(body);
		while (id.find()) {
			ids.add(id.group(1));
		}
		assertThat(ids).doesNotHaveDuplicates().contains("name", "location-name");
		assertThat(body).contains("<label class=\"form-label\" for=\"location-name\">");
	}

	@Test
	void theRegionsCountriesAreInTheOrderOfTheirNamesInThePagesLanguage() {
		String hungarian = signedIn("hu").get(this.page).body();
		String english = signedIn("en").get(this.page).body();

		List<String> magyar = countryNames(hungarian);
		assertThat(magyar).contains("Magyarország", "Ausztria").doesNotContain("Egyesült Államok");
		assertThat(magyar.indexOf("Afganisztán")).as("not in the region").isNegative();
		assertThat(magyar.indexOf("Ausztria")).isLessThan(magyar.indexOf("Egyesült Arab Emírségek"));
		assertThat(magyar.indexOf("Egyesült Arab Emírségek")).isLessThan(magyar.indexOf("Magyarország"));
		List<String> names = countryNames(english);
		assertThat(names.indexOf("Austria")).isLessThan(names.indexOf("Hungary"));
		assertThat(names.indexOf("Hungary")).isLessThan(names.indexOf("United Arab Emirates"));
	}

	@Test
	void aLocationsPhoneDials() {
		WebSession admin = signedIn("en");
		admin.get(this.page);
		assertThat(admin.post(this.page + "/locations", location("leads@contoso.example", "+36 1 555 0100")).status())
			.isEqualTo(302);

		assertThat(admin.get(this.page).body()).contains("<a class=\"text-nowrap\" href=\"tel:+3615550100\">");
	}

	private WebSession signedIn(String language) {
		WebSession session = new WebSession(this.port).header("Accept-Language", language);
		session.signIn(
				this.users.create(this.program.contoso(), "Anna Kovacs " + language, Role.REFERRALS_ADMIN).email(),
				TestUsers.PASSWORD);
		return session;
	}

	private Map<String, String> details(String website) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("version", String.valueOf(this.profile.version()));
		form.put("name", "Contoso Consulting");
		form.put("website", website);
		form.put("products", "Northwind ERP");
		form.put("customerSizes", "10to50employees");
		return form;
	}

	private static Map<String, String> location(String alertEmails, String phone) {
		return Map.of("name", "Contoso Pécs", "addressLine", "Fő utca 1", "postalCode", "7621", "city", "Pécs",
				"country", "HU", "phone", phone, "alertEmails", alertEmails);
	}

	/** The error text shown at a field, from its element {@code <field>-errors}. */
	private static String errorsOf(String body, String field) {
		Matcher errors = Pattern.compile("id=\"" + Pattern.quote(field + "-errors") + "\"[^>]*>([^<]*)<").matcher(body);
		assertThat(errors.find()).as("errors at " + field).isTrue();
		return errors.group(1).strip();
	}

	private static List<String> countryNames(String body) {
		int form = body.indexOf("id=\"location-country\"");
		String select = body.substring(form, body.indexOf("</select>", form));
		List<String> names = new ArrayList<>();
		Matcher option = OPTION.matcher(select);
		while (option.find()) {
			names.add(option.group(2));
		}
		return names;
	}

}
