package org.leadrelay.identity;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.github.wimdeblauwe.htmx.spring.boot.security.HxRefreshHeaderAuthenticationEntryPoint;
import org.leadrelay.platform.web.TimeZones;
import org.leadrelay.shared.Role;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Three filter chains: the authorization server's token endpoint (its other endpoints
 * answer 404), the bearer-token REST API under {@code /v1.0} (and the Referrals API-style
 * webhook registration under {@code /webhooks/v1}), and the web UI with form sign-in.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class SecurityConfiguration {

	private static final String[] VENDOR_STAFF = { Role.VENDOR_ADMIN.name(), Role.VENDOR_SELLER.name(),
			Role.VENDOR_MARKETING.name() };

	private static final String[] LEAD_WORKERS = { Role.VENDOR_ADMIN.name(), Role.VENDOR_SELLER.name(),
			Role.VENDOR_MARKETING.name(), Role.REFERRALS_ADMIN.name(), Role.REFERRALS_USER.name() };

	/**
	 * Pages load scripts, styles and images from LeadRelay only: even text that slipped
	 * through unescaped could not run a script.
	 */
	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/**
	 * Pages anyone may see, the public marketplace among them (its forms carry CSRF
	 * tokens too).
	 */
	private static final String[] PUBLIC_PAGES = { "/actuator/health", "/actuator/health/**", "/v3/api-docs",
			"/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/assets/**", "/favicon.ico",
			"/error", "/marketplace", "/marketplace/**" };

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServerChain(HttpSecurity http, ApiClientRegistry clients,
			AuthorizationServerSettings settings, IdentityProperties properties, JsonMapper json) throws Exception {
		OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
		RequestMatcher endpoints = server.getEndpointsMatcher();
		TokenEndpointThrottle throttle = new TokenEndpointThrottle(
				PathPatternRequestMatcher.withDefaults().matcher(settings.getTokenEndpoint()),
				properties.tokenEndpoint(), json, System::nanoTime);
		http.securityMatcher(endpoints)
			.addFilterBefore(new DisabledAuthorizationEndpoints(settings), DisableEncodeUrlFilter.class)
			.addFilterBefore(throttle, DisableEncodeUrlFilter.class)
			.with(server,
					configurer -> configurer.registeredClientRepository(clients)
						.authorizationService(new StatelessAuthorizationService())
						.authorizationServerMetadataEndpoint(metadata -> metadata
							.authorizationServerMetadataCustomizer(DisabledAuthorizationEndpoints::unadvertise)))
			.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.ignoringRequestMatchers(endpoints));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain apiChain(HttpSecurity http, JwtDecoder jwtDecoder, JsonMapper json,
			@Value("${leadrelay.api.rate-limit.requests-per-second:50}") double requestsPerSecond,
			@Value("${leadrelay.api.rate-limit.burst:100}") int burst) throws Exception {
		ApiSecurityErrors errors = new ApiSecurityErrors(json);
		ApiRateLimitFilter rateLimit = new ApiRateLimitFilter(
				new ApiRateLimitFilter.RateLimit(requestsPerSecond, burst), json, System::nanoTime);
		http.securityMatcher("/v1.0/**", "/webhooks/v1/**")
			.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			// a bearer token or nothing: no anonymous caller (without a token the
			// entry point answers 401 as before), no sign-out, no servlet API wrapper
			.anonymous(anonymous -> anonymous.disable())
			.logout(logout -> logout.disable())
			.servletApi(servletApi -> servletApi.disable())
			.oauth2ResourceServer(resourceServer -> resourceServer.bearerTokenResolver(new BearerTokens())
				.jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(TokenClaims.converter()))
				.authenticationEntryPoint(errors)
				.accessDeniedHandler(errors))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(errors).accessDeniedHandler(errors))
			.addFilterAfter(rateLimit, BearerTokenAuthenticationFilter.class);
		return http.build();
	}

	/**
	 * The web UI: sign-in with LeadRelay's own page, a new session id at sign-in,
	 * sign-out that ends the session, CSRF tokens on every form, and pages by role (what
	 * each page shows is further limited to the caller's data by the modules).
	 */
	@Bean
	@Order(3)
	SecurityFilterChain webChain(HttpSecurity http, UserAccounts users,
			@Value("${" + TimeZones.PROPERTY + ":UTC}") String defaultZone) throws Exception {
		http.authorizeHttpRequests(authorize -> authorize.requestMatchers(PUBLIC_PAGES)
			.permitAll()
			.requestMatchers("/login", "/set-password")
			.permitAll()
			.requestMatchers("/leads/new", "/leads/new/**", "/leads/imports", "/leads/imports/**")
			.hasAnyRole(VENDOR_STAFF)
			.requestMatchers("/leads", "/leads/**", "/insights", "/deals", "/deals/**")
			.hasAnyRole(LEAD_WORKERS)
			.requestMatchers("/users", "/users/**", "/api-clients", "/api-clients/**")
			.hasAnyRole(Role.VENDOR_ADMIN.name(), Role.REFERRALS_ADMIN.name())
			.requestMatchers("/profile", "/profile/**")
			.hasAnyRole(Role.BUSINESS_PROFILE_ADMIN.name(), Role.REFERRALS_ADMIN.name())
			.requestMatchers("/webhooks", "/webhooks/**")
			.hasRole(Role.REFERRALS_ADMIN.name())
			.requestMatchers("/sent-mail", "/sent-mail/**")
			.hasRole(Role.VENDOR_ADMIN.name())
			.requestMatchers("/crm", "/crm/**")
			.hasRole(Role.REFERRALS_ADMIN.name())
			.anyRequest()
			.authenticated())
			.csrf(csrf -> csrf.csrfTokenRequestHandler(new TamperedCsrfTokens()))
			.formLogin(form -> form.loginPage("/login").successHandler(new FirstSignIn(users, ZoneId.of(defaultZone))))
			.logout(logout -> logout.logoutSuccessUrl("/login?signedOut")
				.invalidateHttpSession(true)
				.deleteCookies("JSESSIONID"))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			// htmx requests of an expired session reload the page, which then shows the
			// sign-in page, instead of swapping it into a fragment
			.exceptionHandling(exceptions -> exceptions
				.defaultAuthenticationEntryPointFor(new HxRefreshHeaderAuthenticationEntryPoint(),
						new RequestHeaderRequestMatcher("HX-Request"))
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
						AnyRequestMatcher.INSTANCE))
			.headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
						new NegatedRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**")),
						new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY))));
		return http.build();
	}

	/**
	 * No observations of Spring Security's own: the HTTP server observation
	 * ({@code http.server.requests}) covers each request as a whole. Turned off by name
	 * ({@code management.observations.enable.spring.security}), the observations still
	 * cost their filter chain decorator, which wrapped every filter of every request in a
	 * context of its own (2 to 10 % of a GET by id's CPU samples in two profiles).
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Spring Security's strict firewall, its rule for header values checked without a
	 * regular expression ({@link HeaderValues}).
	 */
	@Bean
	HttpFirewall firewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderValues(HeaderValues::allowed);
		return firewall;
	}

	/**
	 * The one way users sign in; as a bean it replaces the password check Spring Security
	 * would otherwise build from {@link UserAccounts}.
	 */
	@Bean
	ThrottledSignIn signIn(UserAccounts users, PasswordEncoder passwordEncoder, SignInAttempts attempts) {
		return new ThrottledSignIn(users, passwordEncoder, attempts);
	}

	@Bean
	JWKSource<SecurityContext> jwkSource(TokenSigningKey key) {
		return new ImmutableJWKSet<>(new JWKSet(key.key()));
	}

	@Bean
	JwtDecoder jwtDecoder(TokenSigningKey key, ApiClients clients, Clock clock) throws JOSEException {
		return new ActiveClientTokens(
				new VerifiedTokenCache(NimbusJwtDecoder.withPublicKey(key.key().toRSAPublicKey()).build(), clock),
				clients::isActive);
	}

	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> tokenCustomizer() {
		return TokenClaims.customizer();
	}

	@Bean
	AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
		AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
		if (properties.issuer() != null && !properties.issuer().isBlank()) {
			settings.issuer(properties.issuer());
		}
		return settings.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	WebMvcConfigurer callerArgument() {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CallerArgumentResolver());
			}
		};
	}

}
