package org.leadrelay.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A browser without JavaScript, over real HTTP: keeps cookies, follows no redirects, and
 * sends the CSRF token of the last page it loaded with every form it posts.
 */
public final class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String baseUrl;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	private @Nullable String csrf;

	private @Nullable String clientAddress;

	private final Map<String, String> headers = new LinkedHashMap<>();

	public WebSession(int port) {
		this.baseUrl = "http://localhost:" + port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * A browser at another address: every request names it in {@code X-Forwarded-For}, as
	 * a proxy in front of LeadRelay would.
	 */
	public WebSession from(String clientAddress) {
		this.clientAddress = clientAddress;
		return this;
	}

	/** Sends a header with every request, as a client may send any. */
	public WebSession header(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	/** Signs in through the sign-in page; the answer is where it redirects to. */
	public Page signIn(String email, String password) {
		get("/login");
		return post("/login", Map.of("username", email, "password", password));
	}

	public Page get(String path) {
		Page page = send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).GET());
		Matcher token = CSRF.matcher(page.body());
		if (token.find()) {
			this.csrf = token.group(1);
		}
		return page;
	}

	/** Posts a form with the CSRF token of the last page loaded. */
	public Page post(String path, Map<String, String> fields) {
		Map<String, String> form = new LinkedHashMap<>(fields);
		if (this.csrf != null) {
			form.put("_csrf", this.csrf);
		}
		return postWithoutToken(path, form);
	}

	public Page postWithoutToken(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * Uploads a file as the multipart form field {@code file}, with the CSRF token of the
	 * last page loaded.
	 */
	public Page upload(String path, String fileName, byte[] content) {
		String boundary = "----leadrelay" + System.nanoTime();
		String token = this.csrf == null ? ""
				: "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + this.csrf + "\r\n";
		byte[] head = (token + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
				+ fileName + "\"\r\nContent-Type: text/csv\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail))));
	}

	/** The answer's body as bytes, for downloads. */
	public byte[] download(String path) {
		try {
			HttpResponse<byte[]> response = this.http.send(
					HttpRequest.newBuilder(URI.create(this.baseUrl + path)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The session cookie's value now, or null. */
	public @Nullable String sessionId() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().equals("JSESSIONID"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	/** Puts back a session cookie, as someone who copied it would. */
	public void useSessionId(String id) {
		this.cookies.getCookieStore().removeAll();
		HttpCookie cookie = new HttpCookie("JSESSIONID", id);
		cookie.setPath("/");
		cookie.setVersion(0);
		this.cookies.getCookieStore().add(URI.create(this.baseUrl), cookie);
	}

	private Page send(HttpRequest.Builder request) {
		if (this.clientAddress != null) {
			request.header("X-Forwarded-For", this.clientAddress);
		}
		this.headers.forEach(request::header);
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
					response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** An answer: its status, where it redirects to, and its HTML. */
	public record Page(int status, @Nullable String location, String body) {

		@Override
		public String toString() {
			return this.status + (this.location == null ? "" : " -> " + this.location);
		}

	}

}
