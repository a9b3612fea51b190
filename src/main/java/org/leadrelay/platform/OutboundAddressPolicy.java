package org.leadrelay.platform;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.leadrelay.shared.DomainException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Guards the calls LeadRelay makes to addresses its users configure (webhooks, CRMs)
 * against server-side request forgery: HTTPS to public addresses only, judged by the
 * addresses a host name resolves to. Hosts or networks named in
 * {@code leadrelay.outbound.allowed-hosts} (host names, IP addresses or CIDRs) are exempt
 * and may also be called over plain HTTP.
 */
@Component
public class OutboundAddressPolicy {

	private final Set<String> allowedHostNames = new HashSet<>();

	private final List<Network> allowedNetworks = new ArrayList<>();

	private final HostResolver resolver;

	@Autowired
	OutboundAddressPolicy(@Value("${leadrelay.outbound.allowed-hosts:}") List<String> allowedHosts) {
		this(allowedHosts, InetAddress::getAllByName);
	}

	OutboundAddressPolicy(List<String> allowedHosts, HostResolver resolver) {
		this.resolver = resolver;
		for (String entry : allowedHosts) {
			String host = entry.strip().toLowerCase(Locale.ROOT);
			if (host.isEmpty()) {
				continue;
			}
			if (Network.looksLikeAddress(host)) {
				this.allowedNetworks.add(Network.parse(host));
			}
			else {
				this.allowedHostNames.add(host);
			}
		}
	}

	/**
	 * Refuses a URL LeadRelay may not call, as an invalid request naming {@code target}.
	 */
	public void requireAllowed(URI url, String target) {
		String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
		if (!url.isAbsolute() || url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
			throw DomainException.invalid(target, "The URL must be an absolute https:// URL");
		}
		if (url.getRawUserInfo() != null) {
			throw DomainException.invalid(target,
					"The URL must not contain credentials; verify LeadRelay's signature instead");
		}
		String host = url.getHost();
		InetAddress[] addresses;
		try {
			addresses = resolve(host);
		}
		catch (RefusedAddressException ex) {
			throw DomainException.invalid(target, ex.getMessage());
		}
		catch (UnknownHostException ex) {
			throw DomainException.invalid(target, "The host " + host + " cannot be resolved");
		}
		if (scheme.equals("http") && !isAllowListed(host, addresses)) {
			throw DomainException.invalid(target, "The URL must use https://");
		}
	}

	/**
	 * Resolves a host to connect to, refusing it unless every address it resolves to is
	 * allowed. HTTP clients resolve through this at connection time, so a DNS answer that
	 * changes after {@link #requireAllowed} cannot lead them to a private address.
	 */
	public InetAddress[] resolve(String host) throws UnknownHostException {
		InetAddress[] addresses = this.resolver.resolve(host);
		if (this.allowedHostNames.contains(host.toLowerCase(Locale.ROOT))) {
			return addresses;
		}
		for (InetAddress address : addresses) {
			if (!isPublic(address) && !inAllowedNetwork(address)) {
				throw new RefusedAddressException();
			}
		}
		return addresses;
	}

	private boolean isAllowListed(String host, InetAddress[] addresses) {
		if (this.allowedHostNames.contains(host.toLowerCase(Locale.ROOT))) {
			return true;
		}
		for (InetAddress address : addresses) {
			if (!inAllowedNetwork(address)) {
				return false;
			}
		}
		return addresses.length > 0;
	}

	private boolean inAllowedNetwork(InetAddress address) {
		return this.allowedNetworks.stream().anyMatch(network -> network.contains(address));
	}

	/**
	 * Whether an address is on the public internet: not loopback, private, link-local,
	 * unspecified, multicast, carrier-grade NAT, benchmarking (198.18.0.0/15), IETF
	 * protocol assignments (192.0.0.0/24) or reserved (240.0.0.0/4), also when an IPv6
	 * address embeds such an IPv4 address (IPv4-compatible, NAT64, 6to4, Teredo).
	 */
	static boolean isPublic(InetAddress address) {
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			boolean thisNetwork = first == 0;
			boolean sharedAddressSpace = first == 100 && (second & 0xc0) == 64;
			boolean benchmarking = first == 198 && (second & 0xfe) == 18;
			boolean protocolAssignments = first == 192 && second == 0 && (bytes[2] & 0xff) == 0;
			boolean reservedOrBroadcast = first >= 240;
			return !(thisNetwork || sharedAddressSpace || benchmarking || protocolAssignments || reservedOrBroadcast);
		}
		Inet6Address ipv6 = (Inet6Address) address;
		boolean uniqueLocal = (bytes[0] & 0xfe) == 0xfc;
		if (uniqueLocal) {
			return false;
		}
		if (ipv6.isIPv4CompatibleAddress() || isNat64(bytes)) {
			return isPublic(ipv4(bytes, 12, 0));
		}
		boolean sixToFour = bytes[0] == 0x20 && bytes[1] == 0x02;
		if (sixToFour) {
			return isPublic(ipv4(bytes, 2, 0));
		}
		boolean teredo = bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0 && bytes[3] == 0;
		if (teredo) {
			// the server's address as it is, the client's with every bit flipped
			return isPublic(ipv4(bytes, 4, 0)) && isPublic(ipv4(bytes, 12, 0xff));
		}
		return true;
	}

	private static boolean isNat64(byte[] bytes) {
		byte[] prefix = { 0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0 };
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static InetAddress ipv4(byte[] bytes, int offset, int mask) {
		byte[] ipv4 = new byte[4];
		for (int i = 0; i < 4; i++) {
			ipv4[i] = (byte) (bytes[offset + i] ^ mask);
		}
		try {
			return InetAddress.getByAddress(ipv4);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Looks up the addresses of a host name (DNS in production, a table in tests). */
	@FunctionalInterface
	interface HostResolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

	/**
	 * A host that resolves to an address LeadRelay does not call. The message names
	 * neither the host nor the address: what an internal name resolves to is none of the
	 * caller's business.
	 */
	static final class RefusedAddressException extends UnknownHostException {

		RefusedAddressException() {
			super("The host is not allowed: LeadRelay only calls addresses on the public internet");
		}

	}

	/** An IP network in CIDR notation; a bare address is a network of one. */
	record Network(byte[] prefix, int bits) {

		static boolean looksLikeAddress(String entry) {
			return entry.contains(":") || entry.matches("[0-9./]+");
		}

		static Network parse(String cidr) {
			String[] parts = cidr.split("/", 2);
			try {
				byte[] prefix = InetAddress.getByName(parts[0]).getAddress();
				int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : prefix.length * 8;
				if (bits >= 0 && bits <= prefix.length * 8) {
					return new Network(prefix, bits);
				}
			}
			catch (UnknownHostException | NumberFormatException ex) {
				// reported below
			}
			throw new IllegalArgumentException(
					"leadrelay.outbound.allowed-hosts: '" + cidr + "' is neither a host name nor an address/CIDR");
		}

		boolean contains(InetAddress address) {
			byte[] bytes = address.getAddress();
			if (bytes.length != this.prefix.length) {
				return false;
			}
			for (int bit = 0; bit < this.bits; bit++) {
				int mask = 0x80 >> (bit % 8);
				if ((bytes[bit / 8] & mask) != (this.prefix[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}

	}

}
