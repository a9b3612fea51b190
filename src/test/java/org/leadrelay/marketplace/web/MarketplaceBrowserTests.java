package org.leadrelay.marketplace.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.imageio.ImageIO;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrelay.marketplace.Marketplace;
import org.leadrelay.marketplace.MarketplaceQuery;
import org.leadrelay.partner.BusinessProfile;
import org.leadrelay.partner.CatalogueKind;
import org.leadrelay.partner.Expertise;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.BrowserSession;
import org.leadrelay.testing.EventPublications;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.TestProfiles;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.TestUsers;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The marketplace in a real browser (Debian's Chromium): a customer finds a partner in
 * spite of a typo, sends it an inquiry whose text tries to be a script, and the partner
 * sees that text as text; a profile admin's renamed text file is refused as a logo, a
 * real image is taken, and an edited profile is found at once.
 */
@IntegrationTest
class MarketplaceBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@Autowired
	TestProgram programs;

	@Autowired
	TestProfiles profiles;

	@Autowired
	TestUsers users;

	@Autowired
	Marketplace marketplace;

	@Autowired
	EventPublications publications;

	Program program;

	String word;

	BusinessProfile contoso;

	@BeforeEach
	void setUp() {
		this.program = this.programs.create();
		this.word = TestProfiles.letters();
		this.profiles.catalogue(this.program.vendor(), CatalogueKind.PRODUCT, "Dynamics 365", "Northwind ERP");
		this.profiles.catalogue(this.program.vendor(), CatalogueKind.INDUSTRY, "Retail", "Manufacturing");
		this.profiles.catalogue(this.program.vendor(), CatalogueKind.SERVICE, "Implementation", "Training");
		this.contoso = this.profiles.listed(this.program.contoso(), "Contoso Consulting",
				new Expertise(List.of("Retail"), List.of("Dynamics 365"), List.of("Implementation"),
						List.of(this.word)),
				TestProfiles.location("Contoso Szeged", "HU"));
		this.profiles.listed(this.program.fabrikam(), "Fabrikam Solutions",
				new Expertise(List.of("Manufacturing"), List.of("Northwind ERP"), List.of(), List.of(this.word)),
				TestProfiles.location("Fabrikam Graz", "AT"));
	}

	@Test
	void aCustomerFindsAPartnerInSpiteOfATypoAndThePartnerSeesTheInquiryAsText() {
		Page customer = browser
			.newContext(BrowserSession.viewport(1280)
				.setExtraHTTPHeaders(
						Map.of("X-Forwarded-For", "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255))))
			.newPage();
		browser.failOnDialogs(customer);
		customer.navigate(browser.url("/marketplace"));
		customer.getByLabel("What are you looking for?").fill(this.word + " Dynamcis");
		customer.getByLabel("Country").selectOption("HU");
		customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();

		assertThat(customer.getByRole(AriaRole.STATUS)).hasText("1 partner found");
		Locator result = customer.locator(".partner-result");
		assertThat(result.locator("h2")).hasText("Contoso Consulting");
		assertThat(result).containsText("Dynamics 365");
		BrowserSession.screenshot(customer, "marketplace-search");

		result.getByRole(AriaRole.LINK).first().click();
		assertThat(customer.locator("h1")).hasText("Contoso Consulting");
		String company = "<script>alert('company')</script> Bakery";
		customer.getByLabel("Your company").fill(company);
		customer.getByLabel("Company size").selectOption("10to50employees");
		customer.getByLabel("First name").fill("Eszter");
		customer.getByLabel("Last name").fill("Nagy");
		customer.getByLabel("Email").fill("eszter@bakery.example");
		customer.getByLabel("What do you need?").fill("<img src=x onerror=alert('needs')> A till for 2 shops");
		customer.getByLabel("Dynamics 365").check();
		customer.getByLabel("Please contact me as soon as possible").check();
		customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send request")).click();

		assertThat(customer.locator("#consentToContact-errors")).containsText("Please agree to be contacted");
		assertThat(customer.getByLabel("Your company")).hasValue(company);
		customer.getByLabel("I agree that Contoso Consulting contacts me about this request").check();
		customer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send request")).click();
		assertThat(customer.getByRole(AriaRole.STATUS)).containsText("your request is on its way");
		BrowserSession.screenshot(customer, "marketplace-inquiry-sent");

		Page partner = browser.newPage();
		browser.failOnDialogs(partner);
		browser.signIn(partner, this.users.create(this.program.contoso(), "Anna Kovacs", Role.REFERRALS_ADMIN));
		partner.navigate(browser.url("/leads?tab=marketplace"));
		Locator row = partner.locator("li.lead-row").filter(new Locator.FilterOptions().setHasText(company));
		assertThat(row.locator(".flame")).isVisible();
		row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(company)).click();
		assertThat(partner.locator("h1")).hasText(company);
		assertThat(partner.locator("#deal-heading + dl")).containsText("<img src=x onerror=alert('needs')>");
		assertThat(partner.locator("main")).containsText("Dynamics 365");
		BrowserSession.screenshot(partner, "marketplace-lead");
	}

	@Test
	void theMarketplaceSpeaksHungarianAndFitsAPhone() {
		Page phone = browser.newPage(375);
		phone.navigate(browser.url("/marketplace?lang=hu&q=" + this.word));

		assertThat(phone.locator("h1")).hasText("Találja meg a partnerét");
		assertThat(phone.getByRole(AriaRole.STATUS)).hasText("2 partner");
		phone.locator(".partner-result")
			.filter(new Locator.FilterOptions().setHasText("Contoso Consulting"))
			.getByRole(AriaRole.LINK)
			.first()
			.click();
		assertThat(phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Megkeresés elküldése")))
			.isVisible();
		assertThat(phone.evaluate("document.documentElement.scrollWidth")).isEqualTo(375);
		BrowserSession.screenshot(phone, "marketplace-location-phone");
	}

	@Test
	void aProfileAdminUploadsALogoAndEditsTheProfileWhichIsFoundAtOnce() throws IOException {
		Page admin = browser.newPage();
		browser.signIn(admin, this.users.create(this.program.contoso(), "Petra Profile", Role.BUSINESS_PROFILE_ADMIN));
		assertThat(admin.locator("h1")).hasText("Business profiles");
		admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit")).click();

		admin.getByLabel("Image file")
			.setInputFiles(new FilePayload("logo.png", "image/png",
					"a text file with an image's name".getBytes(StandardCharsets.UTF_8)));
		admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload logo")).click();
		assertThat(admin.locator("#logo-errors"))
			.hasText("This file is not a PNG, JPEG or GIF image, whatever its name says. Choose an image file.");

		admin.getByLabel("Image file").setInputFiles(new FilePayload("logo.png", "image/png", png(240, 80)));
		admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload logo")).click();
		assertThat(admin.getByRole(AriaRole.STATUS)).hasText("Logo uploaded.");
		assertThat(admin.locator("img.profile-logo").first()).isVisible();
		assertThat(admin.locator("img.profile-logo").first().evaluate("image => image.naturalWidth")).isEqualTo(240);

		admin.getByLabel("Training").check();
		admin.getByLabel("Description").fill("Retail systems on Dynamics 365, with training for your staff.");
		admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save profile")).click();
		assertThat(admin.getByRole(AriaRole.STATUS)).containsText("Profile saved");
		BrowserSession.screenshot(admin, "profile-edit");

		this.publications.awaitCompleted(this.contoso.id());
		assertThat(this.marketplace
			.search(new MarketplaceQuery(this.word + " training", null, null, null, null, null, null, 1))
			.results()).extracting(found -> found.card().name()).containsExactly("Contoso Consulting");
	}

	private static byte[] png(int width, int height) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}

}
