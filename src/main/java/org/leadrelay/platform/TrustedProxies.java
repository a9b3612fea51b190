package org.leadrelay.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.ServletException;
import org.jspecify.annotations.Nullable;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.catalina.valves.ValveBase;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Trusts {@code X-Forwarded-For} and {@code X-Forwarded-Proto} only from the proxies in
 * {@code leadrelay.trusted-proxies} (addresses or CIDRs; loopback by default), through
 * Tomcat's {@link RemoteIpValve}, which reads the chain from the right and stops at the
 * first address that is not a trusted proxy. Anyone else's headers are ignored, so a
 * client cannot pick its own address (to dodge a rate limit). {@code X-Forwarded-Host} is
 * never read: links come from {@link PublicUrl}.
 */
@Configuration(proxyBeanMethods = false)
class TrustedProxies {

	@Bean
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> trustedProxiesValve(
			@Value("${leadrelay.trusted-proxies:127.0.0.0/8,::1/128}") List<String> proxies) {
		String cidrs = cidrs(proxies);
		return factory -> {
			RemoteIpValve valve = new RemoteIpValve();
			valve.setRemoteIpHeader("X-Forwarded-For");
			valve.setProtocolHeader("X-Forwarded-Proto");
			valve.setHostHeader(null);
			// a list with a "/" is read as CIDRs; nothing matches an empty one
			valve.setInternalProxies(cidrs.isEmpty() ? "0.0.0.0/32" : cidrs);
			valve.setTrustedProxies(null);
			factory.addEngineValves(valve, new CanonicalRemoteAddress());
		};
	}

	/** Each entry as a CIDR (a bare address is a network of one), checked at start. */
	static String cidrs(List<String> proxies) {
		return proxies.stream().map(String::strip).filter(entry -> !entry.isEmpty()).map(entry -> {
			try {
				OutboundAddressPolicy.Network network = OutboundAddressPolicy.Network.parse(entry);
				return entry.contains("/") ? entry : entry + "/" + network.prefix().length * 8;
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(
						"leadrelay.trusted-proxies: '" + entry + "' is not an IP address or CIDR", ex);
			}
		}).collect(Collectors.joining(","));
	}

	/**
	 * Writes the client address one way: a forwarded {@code [2001:db8::1]} (or with a
	 * port) becomes what a direct IPv6 connection gives, {@code 2001:db8:0:0:0:0:0:1}, so
	 * that per-address limits group it with the same client's other requests.
	 */
	static final class CanonicalRemoteAddress extends ValveBase {

		private static final Pattern BRACKETED = Pattern.compile("\\[([0-9a-fA-F:.]+)](?::\\d+)?");

		private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

		CanonicalRemoteAddress() {
			super(true);
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			String address = request.getRemoteAddr();
			String canonical = canonical(address);
			if (address != null && !address.equals(canonical)) {
				request.setRemoteAddr(canonical);
				request.setRemoteHost(canonical);
			}
			getNext().invoke(request, response);
		}

		static @Nullable String canonical(@Nullable String address) {
			if (address == null) {
				return null;
			}
			var bracketed = BRACKETED.matcher(address.strip());
			String literal = bracketed.matches() ? bracketed.group(1) : address.strip();
			if (!IPV6.matcher(literal).matches()) {
				return address;
			}
			try {
				// a literal with a colon is parsed, never looked up
				return InetAddress.getByName(literal).getHostAddress();
			}
			catch (UnknownHostException ex) {
				return address;
			}
		}

	}

}
