package org.leadrelay.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.leadrelay.platform.SqlValues;
import org.leadrelay.referral.ReferralId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

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
	 * Adds a mail, unless this recipient already got one for the event; filed under the
	 * vendor only when vendor staff see the referral, so a deal between partners (or a
	 * private one) never shows on the vendor's sent-mail page.
	 * @return whether it was added
	 */
	boolean add(UUID id, Notice notice, Recipient recipient, ComposedMail mail, boolean kept, Instant now) {
		return this.jdbc
			.sql("insert into sent_mail (id, event_id, recipient, kind, locale, subject, text_body, html_body, "
					+ "referral_id, vendor_organization_id, transport, sent_at) "
					+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (event_id, recipient) do nothing")
			.params(id, notice.eventId(), recipient.email(), notice.kind().name(), recipient.locale().toLanguageTag(),
					mail.subject(), mail.text(), mail.html(), notice.referral().id().value(),
					notice.referral().visibleToVendor() ? notice.referral().vendorOrganizationId().value() : null,
					kept ? "KEPT" : "SMTP", SqlValues.timestamp(now))
			.update() == 1;
	}

	/**
	 * Adds a mail that lists several leads, filed under the first, unless the recipient
	 * already got one for the event.
	 * @return whether it was added
	 */
	boolean addListing(UUID id, UUID eventId, NotificationKind kind, Recipient recipient, ComposedMail mail,
			UUID firstReferralId, UUID vendorOrganizationId, boolean kept, Instant now) {
		return this.jdbc
			.sql("insert into sent_mail (id, event_id, recipient, kind, locale, subject, text_body, html_body, "
					+ "referral_id, vendor_organization_id, transport, sent_at) "
					+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (event_id, recipient) do nothing")
			.params(id, eventId, recipient.email(), kind.name(), recipient.locale().toLanguageTag(), mail.subject(),
					mail.text(), mail.html(), firstReferralId, vendorOrganizationId, kept ? "KEPT" : "SMTP",
					SqlValues.timestamp(now))
			.update() == 1;
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

}
