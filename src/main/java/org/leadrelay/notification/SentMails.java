package org.leadrelay.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.leadrelay.platform.SqlValues;
import org.leadrelay.platform.jobs.ClusteredJob;
import org.leadrelay.platform.jobs.ClusteredJob.Runs;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.Ids;
import org.leadrelay.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The log of every mail LeadRelay sent, which is also where mails are kept when no SMTP
 * server is configured (the sent-mail view). Its unique key on event and recipient is
 * what keeps a redelivered event from mailing anyone twice.
 */
@Service
public class SentMails {

	private static final Logger log = LoggerFactory.getLogger(SentMails.class);

	private static final String COLUMNS = "id, recipient, subject, text_body, html_body, kind, locale, referral_id, "
			+ "transport, sent_at";

	private final JdbcClient jdbc;

	private final NotificationProperties properties;

	private final Clock clock;

	SentMails(JdbcClient jdbc, NotificationProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/** A page of the mails about the vendor's referrals, newest first, for its admins. */
	public Page<SentMail> latest(Caller caller, Pageable pageable) {
		if (!caller.isVendor() || !caller.hasRole(Role.VENDOR_ADMIN)) {
			throw DomainException.accessDenied("Only the vendor's admins see sent mail");
		}
		UUID vendor = caller.organizationId().value();
		List<SentMail> mails = this.jdbc
			.sql("select " + COLUMNS + " from sent_mail where vendor_organization_id = ? "
					+ "order by sent_at desc, id desc limit ? offset ?")
			.params(vendor, pageable.getPageSize(), pageable.getOffset())
			.query(SentMails::sentMail)
			.list();
		return PageableExecutionUtils.getPage(mails, pageable,
				() -> this.jdbc.sql("select count(*) from sent_mail where vendor_organization_id = ?")
					.param(vendor)
					.query(Long.class)
					.single());
	}

	/**
	 * How long mails stay readable ({@code leadrelay.notifications.sent-mail-retention}).
	 */
	public Duration retention() {
		return this.properties.sentMailRetention();
	}

	/**
	 * Records a mail about to be sent, unless this recipient already got one for the
	 * event; call it in the transaction that sends, so that a failed send is not
	 * recorded.
	 * @return whether the mail is new and is to be sent
	 */
	boolean record(Notice notice, Recipient recipient, ComposedMail mail, boolean kept) {
		return this.jdbc
			.sql("insert into sent_mail (id, event_id, recipient, kind, locale, subject, text_body, html_body, "
					+ "referral_id, vendor_organization_id, transport, sent_at) "
					+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (event_id, recipient) do nothing")
			.params(Ids.newId(this.clock), notice.eventId(), recipient.email(), notice.kind().name(),
					recipient.locale().toLanguageTag(), mail.subject(), mail.text(), mail.html(),
					notice.referral().id().value(), notice.referral().vendorOrganizationId().value(),
					kept ? "KEPT" : "SMTP", SqlValues.timestamp(this.clock.instant()))
			.update() == 1;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	@ClusteredJob(value = "sent-mail-purge", runs = Runs.ONE_NODE_AT_A_TIME)
	void purgeExpired() {
		Duration retention = retention();
		int purged = this.jdbc.sql("delete from sent_mail where sent_at < ?")
			.param(SqlValues.timestamp(this.clock.instant().minus(retention)))
			.update();
		if (purged > 0) {
			log.info("Forgot {} sent mails older than {}", purged, retention);
		}
	}

	private static SentMail sentMail(ResultSet rs, int row) throws SQLException {
		return new SentMail(rs.getObject("id", UUID.class), rs.getString("recipient"), rs.getString("subject"),
				rs.getString("text_body"), rs.getString("html_body"), NotificationKind.valueOf(rs.getString("kind")),
				rs.getString("locale"), new ReferralId(rs.getObject("referral_id", UUID.class)),
				"KEPT".equals(rs.getString("transport")), SqlValues.instant(rs, "sent_at"));
	}

}
