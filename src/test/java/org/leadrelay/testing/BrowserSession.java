package org.leadrelay.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.leadrelay.testing.TestUsers.TestUser;

import org.springframework.test.context.junit.jupiter.SpringExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every browser test needs, registered as
 * {@code @RegisterExtension static final BrowserSession browser = new BrowserSession();}
 * in an {@link IntegrationTest}: one {@link Chromium} per test class, English browser
 * contexts on the application's port, and after each test the contexts closed and no
 * error in any browser console.
 */
public final class BrowserSession
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

	private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

	private final List<BrowserContext> contexts = new CopyOnWriteArrayList<>();

	/** Every page of every context of the running test reports its errors here. */
	private final List<String> errors = new CopyOnWriteArrayList<>();

	private @Nullable Chromium chromium;

	private int port;

	@Override
	public void beforeAll(ExtensionContext context) {
		this.chromium = Chromium.launch();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.port = SpringExtension.getApplicationContext(context)
			.getEnvironment()
			.getRequiredProperty("local.server.port", Integer.class);
		this.errors.clear();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.contexts.forEach(BrowserContext::close);
		this.contexts.clear();
		assertThat(this.errors)
			.as("errors in the browser console, such as scripts or styles the Content-Security-Policy blocked")
			.isEmpty();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	/** The options of a new context: English, {@code width} pixels wide, 900 high. */
	public static Browser.NewContextOptions viewport(int width) {
		return new Browser.NewContextOptions().setLocale("en-US").setViewportSize(width, 900);
	}

	/**
	 * A new context, closed after the test, whose console errors fail the test. The
	 * browser's "Failed to load resource" is no error: pages answered 4xx on purpose
	 * report it, and so does the browser's own favicon request.
	 */
	public BrowserContext newContext(Browser.NewContextOptions options) {
		if (this.chromium == null) {
			throw new IllegalStateException("BrowserSession must be registered as a static @RegisterExtension");
		}
		BrowserContext context = this.chromium.browser().newContext(options);
		this.contexts.add(context);
		context.onConsoleMessage(message -> {
			if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
				this.errors.add(message.text());
			}
		});
		return context;
	}

	/** A page in a new context of {@link #viewport(int)}'s options. */
	public Page newPage(int width) {
		return newContext(viewport(width)).newPage();
	}

	/** A page as wide as a laptop's screen. */
	public Page newPage() {
		return newPage(1280);
	}

	/**
	 * Counts a dialog the page opens as an error: only a script injected would open one.
	 */
	public void failOnDialogs(Page page) {
		page.onDialog(dialog -> this.errors.add("a script ran: " + dialog.message()));
	}

	public String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/** Signs the user in through the sign-in page, as {@link Chromium#signIn} does. */
	public void signIn(Page page, TestUser user) {
		Chromium.signIn(page, url("/login"), user);
	}

	public static void clickButton(Page page, String name) {
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name)).click();
	}

	/** A few random characters, to tell this test's customers from other tests'. */
	public static String suffix() {
		return UUID.randomUUID().toString().substring(0, 6);
	}

	/** Saves a full-page screenshot as {@code target/screenshots/<name>.png}. */
	public static Path screenshot(Page page, String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		Path file = SCREENSHOTS.resolve(name + ".png");
		page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
		return file;
	}

}
