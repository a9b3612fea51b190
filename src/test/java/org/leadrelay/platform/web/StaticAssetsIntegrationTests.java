package org.leadrelay.platform.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.leadrelay.testing.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every style sheet and script a template links to is served, to anyone (the public
 * marketplace needs them before sign-in): static files live under one path only, so a
 * file put elsewhere would silently be a 404.
 */
@IntegrationTest
class StaticAssetsIntegrationTests {

	private static final Pattern LINK = Pattern.compile("@\\{(/assets/[^}?]+)}");

	@LocalServerPort
	int port;

	@Autowired
	List<FilterRegistrationBean<?>> filters;

	@Test
	void everyAssetATemplateLinksToIsServedWithoutSignIn() throws Exception {
		Set<String> assets = linkedAssets();
		assertThat(assets).contains("/assets/css/leadrelay.css");
		HttpClient http = HttpClient.newHttpClient();
		for (String asset : assets) {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + asset)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(asset).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).as(asset)
				.hasValueSatisfying(type -> assertThat(type).containsAnyOf("text/css", "javascript"));
		}
	}

	@Test
	void pagesLinkWebjarsByTheirVersionedUrls() throws Exception {
		HttpResponse<String> login = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/login")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(login.body()).containsPattern("/webjars/bootstrap/\\d+\\.\\d+\\.\\d+/css/bootstrap.min.css");
	}

	@Test
	void theOnlyResourceUrlFilterIsThePagesOnlyOne() {
		assertThat(this.filters).map(FilterRegistrationBean::getFilter)
			.filteredOn(ResourceUrlEncodingFilter.class::isInstance)
			.singleElement()
			.isInstanceOf(PageResourceUrlsConfiguration.PagesOnly.class);
	}

	private static Set<String> linkedAssets() throws IOException {
		Set<String> assets = new TreeSet<>();
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path template : templates.filter(path -> path.toString().endsWith(".html")).toList()) {
				Matcher link = LINK.matcher(Files.readString(template));
				while (link.find()) {
					assets.add(link.group(1));
				}
			}
		}
		return assets;
	}

}
