package org.leadrelay.marketplace;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import org.leadrelay.platform.jobs.ClusteredJob;
import org.leadrelay.platform.jobs.ClusteredJob.Runs;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Lets each client address send {@code leadrelay.marketplace.inquiry-rate-limit}
 * inquiries per {@code inquiry-rate-window}. Counted in the database, so all nodes share
 * the count; one address's submissions take turns on an advisory lock, so two at once
 * cannot both take the last place. IPv6 addresses count per /64 network, which one
 * customer typically has whole.
 */
@Component
class InquiryRateLimit {

	/** An IPv6 literal; never a host name, which would be looked up. */
	private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

	private final InquiryRepository inquiries;

	private final MarketplaceProperties properties;

	private final Clock clock;

	InquiryRateLimit(InquiryRepository inquiries, MarketplaceProperties properties, Clock clock) {
		this.inquiries = inquiries;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Takes a place for one inquiry, in the caller's transaction (a submission that fails
	 * afterwards rolls it back).
	 * @throws InquiryRateLimited when the address used up its places
	 */
	void acquire(String clientAddress) {
		if (this.properties.inquiryRateLimit() == 0) {
			return;
		}
		String key = key(clientAddress);
		Instant now = this.clock.instant();
		Duration window = this.properties.inquiryRateWindow();
		this.inquiries.lockAddress(key);
		List<Instant> recent = this.inquiries.findAttemptsSince(key, now.minus(window));
		if (recent.size() >= this.properties.inquiryRateLimit()) {
			Instant free = recent.get(recent.size() - this.properties.inquiryRateLimit()).plus(window);
			throw new InquiryRateLimited(this.properties.inquiryRateLimit(), window, Duration.between(now, free));
		}
		this.inquiries.addAttempt(key, now);
	}

	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
	@ClusteredJob(value = "inquiry-attempt-purge", runs = Runs.ONE_NODE_AT_A_TIME)
	void forgetOldAttempts() {
		this.inquiries.deleteAttemptsBefore(this.clock.instant().minus(this.properties.inquiryRateWindow()));
	}

	/** The address as counted: IPv4 as it is, IPv6 as its /64 network. */
	static String key(String clientAddress) {
		if (!IPV6.matcher(clientAddress).matches()) {
			return clientAddress.length() > 64 ? clientAddress.substring(0, 64) : clientAddress;
		}
		try {
			byte[] bytes = InetAddress.getByName(clientAddress).getAddress();
			if (bytes.length != 16) {
				return clientAddress;
			}
			return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
		}
		catch (UnknownHostException ex) {
			return clientAddress;
		}
	}

}
