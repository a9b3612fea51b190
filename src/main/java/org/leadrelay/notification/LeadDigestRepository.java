package org.leadrelay.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.leadrelay.platform.SqlValues;
import org.leadrelay.referral.ReferralId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The new leads held for daily digests, and the digests sent per user and local day. */
@Repository
class LeadDigestRepository {

	private final JdbcClient jdbc;

	LeadDigestRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Holds a lead for the recipient's digest, unless the event already was. */
	void hold(UUID eventId, LeadDigestItem item, Instant now) {
		Recipient recipient = item.recipient();
		this.jdbc
			.sql("insert into lead_digest_item (user_id, event_id, email, locale, zone, referral_id, "
					+ "vendor_organization_id, customer, location, qualification, created_at) "
					+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
			.params(recipient.userId(), eventId, recipient.email(), recipient.locale().toLanguageTag(),
					recipient.zone().getId(), item.referralId().value(), item.vendorOrganizationId(), item.customer(),
					item.location(), item.qualification(), SqlValues.timestamp(now))
			.update();
	}

	/** The users with held leads, each with the time zone of their latest one. */
	Map<UUID, ZoneId> usersWaiting() {
		return this.jdbc
			.sql("select distinct on (user_id) user_id, zone from lead_digest_item where digest_day is null "
					+ "order by user_id, created_at desc")
			.query((rs, row) -> Map.entry(rs.getObject("user_id", UUID.class), ZoneId.of(rs.getString("zone"))))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * Claims the user's digest of a local day; the key makes a second claim, also from
	 * another node, wait for the first transaction and then fail.
	 * @return whether this transaction is the one to send it
	 */
	boolean claimDay(UUID userId, LocalDate day, Instant now) {
		return this.jdbc
			.sql("insert into lead_digest (user_id, local_day, sent_at) values (?, ?, ?) on conflict do nothing")
			.params(userId, day, SqlValues.timestamp(now))
			.update() == 1;
	}

	/**
	 * Marks the user's held leads as in the day's digest and returns them, oldest first.
	 */
	List<LeadDigestItem> takeWaiting(UUID userId, LocalDate day) {
		return this.jdbc
			.sql("update lead_digest_item set digest_day = ? where user_id = ? and digest_day is null "
					+ "returning email, locale, zone, user_id, referral_id, vendor_organization_id, customer, "
					+ "location, qualification, created_at")
			.params(day, userId)
			.query(LeadDigestRepository::item)
			.list()
			.stream()
			.sorted(Comparator.comparing(Timed::at))
			.map(Timed::item)
			.toList();
	}

	private static Timed item(ResultSet rs, int row) throws SQLException {
		Recipient recipient = new Recipient(rs.getString("email"), Locale.forLanguageTag(rs.getString("locale")),
				ZoneId.of(rs.getString("zone")), rs.getObject("user_id", UUID.class), null);
		return new Timed(new LeadDigestItem(recipient, new ReferralId(rs.getObject("referral_id", UUID.class)),
				rs.getObject("vendor_organization_id", UUID.class), rs.getString("customer"), rs.getString("location"),
				rs.getString("qualification")), SqlValues.instant(rs, "created_at"));
	}

	private record Timed(LeadDigestItem item, Instant at) {
	}

}
