package org.leadrelay.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.platform.SqlValues;
import org.leadrelay.referral.ReferralId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.leadrelay.platform.SqlValues.textColumn;

/**
 * The log of sent mails. Its unique key on event and recipient is what keeps a
 * redelivered event from mailing anyone twice.
 */
@Repository
class SentMailRepository {

	private static final String COLUMNS = "id, recipient, subject, text_body, html_body, kind, locale, referral_id, "
			+ "transport, sent_at";

	private final JdbcClient jdbc;

	SentMailRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The mails about the vendor's referrals, newest first. */
	List<SentMail> findLatest(UUID vendorOrganizationId, int limit, long offset) {
		return this.jdbc
			.sql("select " + COLUMNS + " from sent_mail where vendor_organization_id = ? "
					+ "order by sent_at desc, id desc limit ? offset ?")
			.params(vendorOrganizationId, limit, offset)
			.query(SentMailRepository::sentMail)
			.list();
	}

	long count(UUID vendorOrganizationId) {
		return this.jdbc.sql("select count(*) from sent_mail where vendor_organization_id = ?")
			.param(vendorOrganizationId)
			.query(Long.class)
			.single();
	}

	/**
	 * Adds mails in one statement, each unless its recipient already got one for its
	 * event (or gets one earlier in the list).
	 * @return the ids of those added
	 */
	Set<UUID> addAll(List<NewSentMail> mails, Instant now) {
		if (mails.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(this.jdbc
			.sql("""
					insert into sent_mail (id, event_id, recipient, kind, locale, subject, text_body, html_body, referral_id,
					  vendor_organization_id, transport, sent_at)
					select m.*, ? from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
					  ?::text[], ?::uuid[], ?::uuid[], ?::text[]) as m
					on conflict (event_id, recipient) do nothing
					returning id""")
			.params(SqlValues.timestamp(now), textColumn(mails, NewSentMail::id),
					textColumn(mails, NewSentMail::eventId), textColumn(mails, mail -> mail.recipient().email()),
					textColumn(mails, mail -> mail.kind().name()),
					textColumn(mails, mail -> mail.recipient().locale().toLanguageTag()),
					textColumn(mails, mail -> mail.mail().subject()), textColumn(mails, mail -> mail.mail().text()),
					textColumn(mails, mail -> mail.mail().html()), textColumn(mails, NewSentMail::referralId),
					textColumn(mails, NewSentMail::vendorOrganizationId),
					textColumn(mails, mail -> mail.kept() ? "KEPT" : "SMTP"))
			.query(UUID.class)
			.list());
	}

	/**
	 * @return how many were deleted
	 */
	int deleteSentBefore(Instant before) {
		return this.jdbc.sql("delete from sent_mail where sent_at < ?").param(SqlValues.timestamp(before)).update();
	}

	private static SentMail sentMail(ResultSet rs, int row) throws SQLException {
		return new SentMail(rs.getObject("id", UUID.class), rs.getString("recipient"), rs.getString("subject"),
				rs.getString("text_body"), rs.getString("html_body"), NotificationKind.valueOf(rs.getString("kind")),
				rs.getString("locale"), new ReferralId(rs.getObject("referral_id", UUID.class)),
				"KEPT".equals(rs.getString("transport")), SqlValues.instant(rs, "sent_at"));
	}

	/**
	 * A mail to log, filed under its referral and, when vendor staff see it, its vendor.
	 *
	 * @param eventId what makes it once per recipient
	 * @param kept whether it is kept for the sent-mail view rather than sent by SMTP
	 */
	record NewSentMail(UUID id, UUID eventId, NotificationKind kind, Recipient recipient, ComposedMail mail,
			UUID referralId, @Nullable UUID vendorOrganizationId, boolean kept) {
	}

}
