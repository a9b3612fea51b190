package org.leadrelay.marketplace;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import org.leadrelay.platform.SqlValues;
import org.leadrelay.platform.jobs.ClusteredJob;
import org.leadrelay.platform.jobs.ClusteredJob.Runs;

import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	private final MarketplaceProperties properties;

	private final Clock clock;

	InquiryRateLimit(JdbcClient jdbc, MarketplaceProperties properties, Clock clock) {
		this.jdbc = jdbc;
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
		this.jdbc.sql("select 1 from pg_advisory_xact_lock(hashtextextended(?, 0))")
			.param(key)
			.query(Integer.class)
			.single();
		List<Instant> recent = this.jdbc
			.sql("select attempted_at from marketplace_inquiry_attempt where client_address = ? and attempted_at > ? "
					+ "order by attempted_at")
			.params(key, SqlValues.timestamp(now.minus(window)))
			.query((rs, row) -> SqlValues.instant(rs, "attempted_at"))
			.list();
		if (recent.size() >= this.properties.inquiryRateLimit()) {
			Instant free = recent.get(recent.size() - this.properties.inquiryRateLimit()).plus(window);
			throw new InquiryRateLimited(this.properties.inquiryRateLimit(), window, Duration.between(now, free));
		}
		this.jdbc.sql("insert into marketplace_inquiry_attempt (client_address, attempted_at) values (?, ?)")
			.params(key, SqlValues.timestamp(now))
			.update();
	}

	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
	@ClusteredJob(value = "inquiry-attempt-purge", runs = Runs.ONE_NODE_AT_A_TIME)
	void forgetOldAttempts() {
		this.jdbc.sql("delete from marketplace_inquiry_attempt where attempted_at < ?")
			.param(SqlValues.timestamp(this.clock.instant().minus(this.properties.inquiryRateWindow())))
			.update();
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
