package org.leadrelay.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;

/**
 * Debian's Chromium driven by Playwright, headless; Playwright never downloads a browser
 * of its own. One per test class: launching takes about a second, a new context a few
 * milliseconds.
 */
public final class Chromium implements AutoCloseable {

	private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

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
	 * Signs the user in through the sign-in form and waits until the workspace shows them
	 * signed in.
	 */
	public static void signIn(Page page, String signInUrl, TestUsers.TestUser user) {
		page.navigate(signInUrl);
		page.getByLabel("Email").fill(user.email());
		page.getByLabel("Password").fill(TestUsers.PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		PlaywrightAssertions
			.assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")))
			.isVisible();
	}

	/** Saves a full-page screenshot as {@code target/screenshots/<name>.png}. */
	public static Path screenshot(Page page, String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		Path file = SCREENSHOTS.resolve(name + ".png");
		page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
		return file;
	}

	@Override
	public void close() {
		this.browser.close();
		this.playwright.close();
	}

}
