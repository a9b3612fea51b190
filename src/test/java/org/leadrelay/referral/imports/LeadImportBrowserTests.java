package org.leadrelay.referral.imports;

import java.nio.charset.StandardCharsets;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadrelay.partner.Location;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.BrowserSession;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.TestUsers;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seller imports leads from CSV in a real browser: a file with an error is checked in
 * the background and its page shows the error at its row and column, the corrected file
 * is checked and imported while htmx updates the progress in place, and the page ends
 * with the summary.
 */
@IntegrationTest
class LeadImportBrowserTests {

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@Autowired
	TestProgram programs;

	@Autowired
	TestUsers users;

	Program program;

	Page page;

	@BeforeEach
	void setUp() {
		this.program = this.programs.create();
		this.page = browser.newPage();
	}

	@Test
	void aSellerUploadsAFileFollowsItsProgressAndReadsTheSummary() {
		browser.signIn(this.page, this.users.create(this.program.vendor(), "Sebastian Seller", Role.VENDOR_SELLER));
		this.page.navigate(browser.url("/leads"));
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import CSV")).click();
		assertThat(this.page.locator("h1")).hasText("Import qualified leads from a CSV file");

		String rows = rows(this.program.budapest(), 1000);
		choose(rows + "K-1001," + this.program.vienna().id() + ",SalesQualified,,HU,Needs an ERP,true\r\n");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check and import")).click();
		// the upload answers with the import's page at once; the rows are checked there
		assertThat(this.page.locator("h1")).hasText("Import of leads.csv");
		this.page.evaluate("window.stillThisPage = true");
		assertThat(this.page.getByRole(AriaRole.ALERT)).containsText("leads.csv was not imported: 1 error",
				new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
		assertThat(this.page.locator("#import-errors tbody tr")).hasText("1002 customerName Required.");
		assertThat(this.page.evaluate("window.stillThisPage")).as("htmx swapped the check's outcome in place")
			.isEqualTo(true);
		BrowserSession.screenshot(this.page, "lead-import-errors");

		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Upload a corrected file")).click();
		choose(rows);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check and import")).click();
		assertThat(this.page.locator("h1")).hasText("Import of leads.csv");
		this.page.evaluate("window.stillThisPage = true");
		assertThat(this.page.locator("progress")).hasAttribute("max", "1000");
		// the wait spans the check and the import of 1,000 rows on a loaded machine
		assertThat(this.page.getByRole(AriaRole.STATUS)).containsText("Import finished",
				new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(180_000));
		assertThat(this.page.getByRole(AriaRole.STATUS)).containsText("1,000 leads created");
		assertThat(this.page.locator("progress")).hasAttribute("value", "1000");
		assertThat(this.page.evaluate("window.stillThisPage")).as("htmx swapped the progress in place").isEqualTo(true);
		BrowserSession.screenshot(this.page, "lead-import-summary");

		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See the leads")).click();
		assertThat(this.page.locator("main")).containsText("1,000 leads");
	}

	private void choose(String csv) {
		this.page.getByLabel("CSV file")
			.setInputFiles(new FilePayload("leads.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
	}

	private static String rows(Location location, int count) {
		StringBuilder csv = new StringBuilder(
				"rowKey,location,qualification,customerName,country,notes,consentToContact\r\n");
		for (int i = 1; i <= count; i++) {
			csv.append("K-")
				.append(i)
				.append(',')
				.append(location.id())
				.append(",SalesQualified,Customer ")
				.append(i)
				.append(",HU,Needs an ERP,true\r\n");
		}
		return csv.toString();
	}

}
