package org.leadrelay.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.leadrelay.marketplace.MarketplacePaths;
import org.leadrelay.partner.BusinessProfile;
import org.leadrelay.partner.Expertise;
import org.leadrelay.testing.ApiClient;
import org.leadrelay.testing.ApiClient.Response;
import org.leadrelay.testing.IntegrationTest;
import org.leadrelay.testing.ReferralRequests;
import org.leadrelay.testing.TestProfiles;
import org.leadrelay.testing.TestProgram;
import org.leadrelay.testing.TestProgram.Program;
import org.leadrelay.testing.WebSession;
import org.leadrelay.testing.WebSession.Page;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContextManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based fuzzing (jqwik) of everything a stranger can send: JSON API bodies, JSON
 * Patch documents, {@code $filter} and {@code $orderby}, the public inquiry form and the
 * marketplace's query parameters. Inputs are generated around valid ones (a field
 * replaced by a hostile value, an operator swapped, a parameter garbled), so that they
 * get past the first check; none may be answered with a 5xx. The application is the one
 * every {@link IntegrationTest} shares (jqwik runs no Spring extension, so this class
 * asks Spring's test context cache for it).
 */
@IntegrationTest
class FuzzTests {

	static final String REFERRALS = "/v1.0/engagements/referrals";

	static final JsonMapper json = JsonMapper.builder().build();

	static final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();

	static final AtomicLong failures = new AtomicLong();

	static int port;

	static final List<ApiClient> vendors = new ArrayList<>();

	static final List<ApiClient> partners = new ArrayList<>();

	static ObjectNode validReferral;

	static String referralPath;

	static String locationPage;

	static WebSession customer;

	@BeforeContainer
	static void application() {
		ApplicationContext context = new TestContextManager(FuzzTests.class).getTestContext().getApplicationContext();
		port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
		TestProgram programs = context.getBean(TestProgram.class);
		// Several clients, each under the API's per-client rate limit.
		for (int i = 0; i < 6; i++) {
			Program program = programs.create();
			vendors.add(ApiClient.as(port, program.vendorClient()));
			partners.add(ApiClient.as(port, program.contosoClient()));
			if (i == 0) {
				validReferral = ReferralRequests.newReferral(program.budapest());
				BusinessProfile profile = context.getBean(TestProfiles.class)
					.listed(program.contoso(), "Contoso Consulting",
							new Expertise(List.of(), List.of(), List.of(), List.of("Inventory")),
							TestProfiles.location("Contoso Szeged", "HU"));
				locationPage = MarketplacePaths.location(profile.id(), profile.locations().get(0).id());
			}
		}
		Response created = vendors.get(0).post(REFERRALS, validReferral.toString());
		referralPath = REFERRALS + "/" + created.json().get("id").asString();
		customer = new WebSession(port);
		customer.get(locationPage);
	}

	@AfterContainer
	static void report() {
		long total = requests.values().stream().mapToLong(AtomicLong::get).sum();
		System.out.println("Fuzzing: " + total + " generated requests, " + failures + " answered 5xx: "
				+ new TreeMap<>(requests.entrySet()
					.stream()
					.collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().get()))));
	}

	@Property(tries = 500)
	void createBodies(@ForAll("createBodies") String body) {
		Response response = vendor().post(REFERRALS, body);
		check("POST referral", response.status(), body, response.body());
	}

	/** A partner's POST is a deal (issue 17): the same bodies through its mapping. */
	@Property(tries = 200)
	void dealBodies(@ForAll("createBodies") String body) {
		Response response = partner().post(REFERRALS, body);
		check("POST deal", response.status(), body, response.body());
	}

	@Property(tries = 500)
	void jsonPatches(@ForAll("patches") String patch) {
		Response response = partner().patch(referralPath, patch);
		check("PATCH referral", response.status(), patch, response.body());
	}

	@Property(tries = 800)
	void filters(@ForAll("filters") String filter) {
		Response response = vendor().get(REFERRALS, Map.of("$filter", filter));
		check("$filter", response.status(), filter, response.body());
	}

	@Property(tries = 300)
	void orderings(@ForAll("orderings") String orderBy) {
		Response response = vendor().get(REFERRALS, Map.of("$orderby", orderBy));
		check("$orderby", response.status(), orderBy, response.body());
	}

	@Property(tries = 150)
	void inquiries(@ForAll("inquiries") Map<String, String> form, @ForAll("addresses") String address) {
		Page page = customer.from(address).post(locationPage, form);
		check("inquiry form", page.status(), form.toString(), page.body());
	}

	@Property(tries = 400)
	void marketplaceSearches(@ForAll("searchParameters") Map<String, String> parameters) {
		String query = parameters.entrySet()
			.stream()
			.map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		Page page = new WebSession(port).get("/marketplace?" + query);
		check("marketplace search", page.status(), query, page.body());
	}

	@Provide
	Arbitrary<String> createBodies() {
		List<String> paths = new ArrayList<>();
		collectPaths(validReferral, "", paths);
		paths.addAll(List.of("/surprise", "/details/extra", "/customerProfile/team/5"));
		Arbitrary<String> oneChange = Combinators.combine(Arbitraries.of(paths), jsonValues())
			.as((path, value) -> replaced(validReferral, path, value));
		return Arbitraries.frequencyOf(Tuple.of(8, oneChange),
				Tuple.of(1,
						Combinators.combine(oneChange, Arbitraries.integers().between(0, 400))
							.as((body, cut) -> body.substring(0, Math.min(cut, body.length())))),
				Tuple.of(1, jsonValues()));
	}

	@Provide
	Arbitrary<String> patches() {
		Arbitrary<String> operation = Combinators
			.combine(Arbitraries.of("add", "remove", "replace", "move", "copy", "test", "", "REPLACE"),
					Arbitraries.of("/name", "/status", "/substatus", "/details/dealValue", "/details/currency",
							"/details/closingDateTime", "/details/notes", "/team", "/team/-", "/team/0",
							"/team/0/email", "/favorite", "/customerProfile/name", "/statusReason", "/", "", "/~1",
							"/details", "/details/requirements/products"),
					jsonValues().injectNull(0.1))
			.as((op, path, value) -> "{\"op\": \"" + op + "\", \"path\": \"" + path + "\""
					+ (value == null ? "" : ", \"value\": " + value) + "}");
		return Arbitraries.frequencyOf(
				Tuple.of(9, operation.list().ofMinSize(0).ofMaxSize(6).map(ops -> "[" + String.join(",", ops) + "]")),
				Tuple.of(1, jsonValues()));
	}

	@Provide
	Arbitrary<String> filters() {
		Arbitrary<String> comparison = Combinators
			.combine(Arbitraries.of("status", "substatus", "qualification", "type", "direction", "favorite",
					"createdDateTime", "updatedDateTime", "expirationDateTime", "customerProfile/address/country",
					"details/dealValue", "details/customerRequestedContact", "name", "contains"),
					Arbitraries.of("eq", "ne", "gt", "lt", "ge", "le", "EQ", "has", "in", "(", "'"), literals())
			.as((property, operator, literal) -> property + " " + operator + " " + literal);
		Arbitrary<String> combined = comparison.list()
			.ofMinSize(1)
			.ofMaxSize(4)
			.flatMap(list -> Arbitraries.of(" and ", " or ", " AND ", " ")
				.list()
				.ofSize(list.size())
				.map(joins -> join(list, joins)));
		return Arbitraries
			.frequencyOf(Tuple.of(6, combined), Tuple.of(2, combined.map(filter -> "(" + filter + ")")), Tuple.of(1,
					Arbitraries.of("(", ")", "not ", "'").list().ofMaxSize(30).map(parts -> String.join("", parts))),
					Tuple.of(1, text()));
	}

	@Provide
	Arbitrary<String> orderings() {
		Arbitrary<String> key = Combinators
			.combine(
					Arbitraries.of("createdDateTime", "updatedDateTime", "expirationDateTime", "name",
							"details/dealValue", "status", "id", "customerProfile/name", "", "'"),
					Arbitraries.of("", " asc", " desc", " DESC", " sideways", "  asc  "))
			.as((property, direction) -> property + direction);
		return Arbitraries.frequencyOf(
				Tuple.of(8, key.list().ofMinSize(1).ofMaxSize(4).map(keys -> String.join(",", keys))),
				Tuple.of(2, text()));
	}

	@Provide
	Arbitrary<Map<String, String>> inquiries() {
		Arbitrary<String> value = Arbitraries.frequencyOf(Tuple.of(3, text()), Tuple.of(1,
				Arbitraries.of("", "HU", "true", "10to50employees", "eszter@example.com", "x".repeat(3000))));
		return Combinators
			.combine(value, Arbitraries.of("10to50employees", "", "huge", "\u0000"), value, value, value, value, value,
					Arbitraries.of("true", "false", "", "on", "1"))
			.as((company, size, country, firstName, email, phone, needs, consent) -> {
				Map<String, String> form = new LinkedHashMap<>();
				form.put("company", company);
				form.put("size", size);
				form.put("country", country);
				form.put("firstName", firstName);
				form.put("lastName", "Nagy");
				form.put("email", email);
				form.put("phone", phone);
				form.put("needs", needs);
				form.put("topics", needs);
				form.put("consentToContact", consent);
				form.put("contactRequested", consent);
				form.put("website", "");
				form.put(needs.length() % 2 == 0 ? "company.bytes" : "website.x", email);
				return form;
			});
	}

	@Provide
	Arbitrary<String> addresses() {
		return Arbitraries.integers()
			.between(1, 254)
			.list()
			.ofSize(2)
			.map(parts -> "198.51." + parts.get(0) + "." + parts.get(1));
	}

	@Provide
	Arbitrary<Map<String, String>> searchParameters() {
		Arbitrary<String> value = Arbitraries.frequencyOf(Tuple.of(3, text()), Tuple.of(2, Arbitraries.of("99999999999",
				"-1", "0", "1", "2147483648", "1e3", "x", "", "10to50employees", "HU", "Northwind ERP")));
		return Arbitraries
			.maps(Arbitraries.of("q", "industry", "product", "service", "size", "country", "city", "page", "sort",
					"q[]", "page.x"), value)
			.ofMinSize(1)
			.ofMaxSize(5);
	}

	/** Any JSON value, as text: the hostile ones most often. */
	static Arbitrary<String> jsonValues() {
		return Arbitraries.frequencyOf(Tuple.of(3, text().map(FuzzTests::quoted)), Tuple.of(3, numbers()),
				Tuple.of(2, dates().map(FuzzTests::quoted)),
				Tuple.of(1,
						Arbitraries.of("null", "true", "false", "[]", "{}", "[null]", "{\"id\": 1}", "\"\"",
								"\"" + "x".repeat(100_000) + "\"", "[" + "[".repeat(1500) + "]".repeat(1500) + "]",
								"[{\"firstName\": \"\\u0000\", \"email\": \"a@b.example\"}]")));
	}

	static Arbitrary<String> literals() {
		return Arbitraries.frequencyOf(Tuple.of(2, numbers()), Tuple.of(2, dates()),
				Tuple.of(2, text().map(text -> "'" + text.replace("'", "''") + "'")), Tuple.of(1, Arbitraries.of("true",
						"false", "null", "'Active'", "'HU'", "'Direct'", "'Received'", "'Shared'", "'", "''", "')'")));
	}

	static Arbitrary<String> numbers() {
		return Arbitraries.frequencyOf(
				Tuple.of(2,
						Arbitraries.of("0", "-0", "-1", "0.001", "1.005", "1e131072", "-1e131072", "1e-999999999",
								"1E+2", "99999999999999999", "100000000000000000", "999999999999.99", "1e2147483647",
								"9223372036854775808", "1.7976931348623157E309")),
				Tuple.of(1, Arbitraries.bigDecimals().map(number -> number.toString())),
				Tuple.of(1, Arbitraries.longs().map(String::valueOf)),
				Tuple.of(1, Arbitraries.doubles().map(String::valueOf)));
	}

	static Arbitrary<String> dates() {
		Arbitrary<String> year = Arbitraries.frequencyOf(
				Tuple.of(2, Arbitraries.integers().between(1, 9999).map(y -> String.format("%04d", y))),
				Tuple.of(1, Arbitraries.of("+999999999", "-999999999", "0000", "+10000", "-0001", "+1000000000")));
		return Combinators
			.combine(year, Arbitraries.integers().between(0, 13), Arbitraries.integers().between(0, 32),
					Arbitraries.of("", "T00:00:00Z", "T23:59:59.999999999+14:00", "T24:00:00Z", "T00:00:00",
							"T00:00:00+18:01"))
			.as((y, month, day, time) -> y + "-" + String.format("%02d", month) + "-" + String.format("%02d", day)
					+ time);
	}

	/**
	 * Text with control characters, quotes, markup, long runs and any (paired) Unicode.
	 */
	static Arbitrary<String> text() {
		return Arbitraries.frequencyOf(
				Tuple.of(3, Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(40)),
				Tuple.of(1, Arbitraries.strings().withCharRange('\u0100', '\ud7ff').ofMaxLength(20)),
				Tuple.of(1,
						Arbitraries.of("\u0000", "a\u0000b", "\u001b[31m", "\u007f", "\u0085",
								"<script>alert(1)</script>", "' or 1=1 --", "%00", "\\", "😀", "\t\n\r", " ",
								"x".repeat(2001), "ǅ".repeat(300))));
	}

	private static String quoted(String text) {
		return json.writeValueAsString(text);
	}

	private static String join(List<String> parts, List<String> joins) {
		StringBuilder joined = new StringBuilder(parts.get(0));
		for (int i = 1; i < parts.size(); i++) {
			joined.append(joins.get(i)).append(parts.get(i));
		}
		return joined.toString();
	}

	/** The JSON pointers of every member and element of a tree. */
	private static void collectPaths(JsonNode node, String path, List<String> paths) {
		if (node instanceof ObjectNode object) {
			object.propertyNames().forEach(name -> {
				paths.add(path + "/" + name);
				collectPaths(object.get(name), path + "/" + name, paths);
			});
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				paths.add(path + "/" + i);
				collectPaths(array.get(i), path + "/" + i, paths);
			}
		}
	}

	/**
	 * The body with the member at the pointer replaced (or added) by a raw JSON value.
	 */
	private static String replaced(ObjectNode body, String pointer, String rawValue) {
		ObjectNode copy = body.deepCopy();
		int slash = pointer.lastIndexOf('/');
		JsonNode parent = copy.at(pointer.substring(0, slash));
		String name = pointer.substring(slash + 1);
		String marker = "\"@@fuzz@@\"";
		if (parent instanceof ObjectNode object) {
			object.put(name, "@@fuzz@@");
		}
		else if (parent instanceof ArrayNode array && Integer.parseInt(name) < array.size()) {
			array.set(Integer.parseInt(name), "@@fuzz@@");
		}
		else {
			return copy.toString();
		}
		return copy.toString().replace(marker, rawValue);
	}

	private static ApiClient vendor() {
		return vendors.get((int) (total() % vendors.size()));
	}

	private static ApiClient partner() {
		return partners.get((int) (total() % partners.size()));
	}

	private static long total() {
		return requests.values().stream().mapToLong(AtomicLong::get).sum();
	}

	private static void check(String kind, int status, String input, String answer) {
		requests.computeIfAbsent(kind, key -> new AtomicLong()).incrementAndGet();
		if (status >= 500) {
			failures.incrementAndGet();
		}
		assertThat(status).as(kind + " answered " + status + " to:\n" + abbreviate(input) + "\n" + abbreviate(answer))
			.isLessThan(500);
	}

	private static String abbreviate(String text) {
		return text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
	}

}
