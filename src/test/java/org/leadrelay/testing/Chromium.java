package org.leadrelay.testing;

import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

/**
 * Debian's Chromium driven by Playwright, headless; Playwright never downloads a browser
 * of its own. One per test class: launching takes about a second, a new context a few
 * milliseconds. Tests use it through {@link BrowserSession}.
 */
public final class Chromium implements AutoCloseable {

	private final Playwright playwright;

	private final Browser browser;

	private Chromium(Playwright playwright, Browser browser) {
		this.playwright = playwright;
		this.browser = browser;
	}

	public static Chromium launch() {
		Playwright playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		Browser browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(Paths.get("/usr/bin/chromium"))
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
						"--disable-background-networking", "--disable-component-update", "--disable-sync")));
		return new Chromium(playwright, browser);
	}

	public Browser browser() {
		return this.browser;
	}

	/**
	 * Signs the user in through the sign-in form, in whatever language the page is, and
	 * waits until the workspace shows them signed in.
	 */
	public static void signIn(Page page, String signInUrl, TestUsers.TestUser user) {
		page.navigate(signInUrl);
		page.locator("#username").fill(user.email());
		page.locator("#password").fill(TestUsers.PASSWORD);
		page.locator("form button[type=submit]").click();
		PlaywrightAssertions.assertThat(page.locator("form[action='/logout'] button")).isVisible();
	}

	@Override
	public void close() {
		this.browser.close();
		this.playwright.close();
	}

}
