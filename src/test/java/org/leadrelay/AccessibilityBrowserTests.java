package org.leadrelay;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadrelay.partner.LocationDetails;
import org.leadrelay.partner.CatalogueKind;
import org.leadrelay.partner.Expertise;
import org.leadrelay.referral.ReferralManagement;
import org.leadrelay.referral.Source;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.OrganizationKind;
import org.leadrelay.shared.Role;
import org.leadrelay.testing.BrowserSession;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.ReferralSpecs;
import org.leadrelay.testing.TestProfiles;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.TestUsers;
import org.leadrelay.testing.TestUsers.TestUser;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page a role reaches, checked by axe-core (the webjar, injected into the page) in
 * English and Hungarian, at a laptop's width and a phone's: no serious or critical
 * violation. The pages are found by following the links each role sees, starting from its
 * home page, so a new page is checked without being listed here.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityBrowserTests {

	private static final String AXE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

	/**
	 * A page's kind: its path with ids left out, the names of its parameters, its tab.
	 */
	private static final Pattern ID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[A-Za-z0-9_-]{32,}");

	/** Links that are not pages to check: files, signing out, the same page elsewhere. */
	private static final Pattern SKIPPED = Pattern
		.compile("\\.(csv|png|ico|svg|js|css)$|/logo$|/logout|/v1\\.0/|/swagger|/v3/api-docs|/actuator|/oauth2");

	private static final int MAX_PAGES_PER_ROLE = 40;

	@RegisterExtension
	static final BrowserSession browser = new BrowserSession();

	@Autowired
	TestProgram programs;

	@Autowired
	TestUsers users;

	@Autowired
	TestProfiles profiles;

	@Autowired
	ReferralManagement management;

	private final Map<Persona, TestUser> personas = new LinkedHashMap<>();

	private String axe = "";

	enum Persona {

		ANONYMOUS(null), VENDOR_ADMIN(Role.VENDOR_ADMIN), VENDOR_SELLER(Role.VENDOR_SELLER),
		REFERRALS_ADMIN(Role.REFERRALS_ADMIN), REFERRALS_USER(Role.REFERRALS_USER),
		BUSINESS_PROFILE_ADMIN(Role.BUSINESS_PROFILE_ADMIN);

		private final Role role;

		Persona(Role role) {
			this.role = role;
		}

	}

	@BeforeAll
	void setUp() throws IOException {
		try (InputStream script = AccessibilityBrowserTests.class.getResourceAsStream(AXE)) {
			assertThat(script).as("axe-core webjar on the test class path").isNotNull();
			this.axe = new String(script.readAllBytes(), StandardCharsets.UTF_8);
		}
		Program program = this.programs.create();
		this.profiles.catalogue(program.vendor(), CatalogueKind.INDUSTRY, "Manufacturing");
		this.profiles.catalogue(program.vendor(), CatalogueKind.PRODUCT, "Northwind ERP");
		this.profiles.catalogue(program.vendor(), CatalogueKind.SERVICE, "Implementation");
		this.profiles.listed(program.contoso(), "Contoso " + BrowserSession.suffix(),
				new Expertise(List.of("Manufacturing"), List.of("Northwind ERP"), List.of("Implementation"), List.of()),
				new LocationDetails("Contoso Debrecen", "Piac utca 1.", "4025", "Debrecen", "HU", "+36 52 555 0100",
						List.of()));
		Caller vendor = new Caller(Caller.Kind.API_CLIENT, "client:northwind", "Maria Marketing", program.vendor().id(),
				OrganizationKind.VENDOR, Set.of(Role.VENDOR_ADMIN));
		this.management.send(vendor, ReferralSpecs.qualified(program.budapest()), Source.API);
		this.management.send(vendor, ReferralSpecs.contactRequested(program.budapest()), Source.API);
		for (Persona persona : Persona.values()) {
			if (persona.role != null) {
				boolean vendorStaff = persona.role.name().startsWith("VENDOR");
				this.personas
					.put(persona, vendorStaff ? this.users.create(program.vendor(), "Vera Vendor", persona.role)
							: this.users.create(program.contoso(), "Pal Partner", persona.role, program.budapest()));
			}
		}
	}

	@ParameterizedTest
	@EnumSource(Persona.class)
	void everyPageHasNoSeriousViolation(Persona persona) {
		List<String> pages = pagesOf(persona);
		List<String> violations = new ArrayList<>();
		for (String language : List.of("en", "hu")) {
			for (int width : List.of(1280, 375)) {
				Page page = signedIn(persona, width);
				for (String path : pages) {
					page.navigate(browser.url(path + (path.contains("?") ? "&" : "?") + "lang=" + language));
					violations.addAll(seriousViolations(page, persona + " " + language + " " + width + "px " + path));
				}
			}
		}
		assertThat(pages).as("pages found for " + persona).isNotEmpty();
		assertThat(violations).as("serious or critical axe-core violations on " + pages).isEmpty();
	}

	/** Follows the links the persona sees, breadth first, one page of each kind. */
	private List<String> pagesOf(Persona persona) {
		Page page = signedIn(persona, 1280);
		Set<String> kinds = new TreeSet<>();
		List<String> pages = new ArrayList<>();
		Deque<String> queue = new ArrayDeque<>(List.of(persona.role == null ? "/marketplace" : "/", "/login"));
		while (!queue.isEmpty() && pages.size() < MAX_PAGES_PER_ROLE) {
			String path = queue.removeFirst();
			if (!kinds.add(kind(path))) {
				continue;
			}
			com.microsoft.playwright.Response response = page.navigate(browser.url(path));
			if (response == null || response.status() >= 400
					|| !response.headerValue("content-type").contains("html")) {
				continue;
			}
			pages.add(path);
			@SuppressWarnings("unchecked")
			List<String> links = (List<String>) page
				.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.href)");
			for (String link : links) {
				URI uri = URI.create(link);
				if (uri.getPort() == URI.create(browser.url("/")).getPort() && !SKIPPED.matcher(uri.getPath()).find()) {
					queue.add(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
				}
			}
		}
		return pages;
	}

	private static String kind(String path) {
		URI uri = URI.create(path);
		Set<String> parameters = new TreeSet<>();
		String tab = "";
		if (uri.getRawQuery() != null) {
			for (String parameter : uri.getRawQuery().split("&")) {
				String name = parameter.split("=", 2)[0];
				if (!name.equals("lang")) {
					parameters.add(name);
				}
				if (name.equals("tab")) {
					tab = parameter;
				}
			}
		}
		return ID.matcher(uri.getRawPath()).replaceAll("{id}") + parameters + tab;
	}

	private Page signedIn(Persona persona, int width) {
		BrowserContext context = browser.newContext(BrowserSession.viewport(width).setBypassCSP(true));
		Page page = context.newPage();
		TestUser user = this.personas.get(persona);
		if (user != null) {
			browser.signIn(page, user);
		}
		return page;
	}

	private List<String> seriousViolations(Page page, String where) {
		if (!(boolean) page.evaluate("typeof window.axe !== 'undefined'")) {
			page.addScriptTag(new Page.AddScriptTagOptions().setContent(this.axe));
		}
		@SuppressWarnings("unchecked")
		List<String> found = (List<String>) page.evaluate("""
				async () => {
				  const result = await axe.run(document, { resultTypes: ['violations'] });
				  return result.violations
				    .filter(v => v.impact === 'serious' || v.impact === 'critical')
				    .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at '
				      + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '));
				}""");
		return found.stream().map(violation -> where + " → " + violation).toList();
	}

}
