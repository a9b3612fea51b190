package org.leadrelay.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.leadrelay.platform.SqlValues;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.shared.OrganizationId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The planned expiry reminders of referrals, and whether each was sent. */
@Repository
class ExpiryReminderRepository {

	private final JdbcClient jdbc;

	ExpiryReminderRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Plans a reminder, unless the referral already has one for this lead time. */
	void plan(ReferralId referralId, OrganizationId organizationId, Duration leadTime, Instant due) {
		this.jdbc
			.sql("insert into expiry_reminder (referral_id, organization_id, lead_time, due_at) "
					+ "values (?, ?, ?, ?) on conflict do nothing")
			.params(referralId.value(), organizationId.value(), leadTime.toString(), SqlValues.timestamp(due))
			.update();
	}

	/**
	 * Up to {@code limit} unsent reminders due at {@code now}, oldest first, locked until
	 * the transaction ends; {@code SKIP LOCKED} leaves those another node is sending to
	 * it.
	 */
	List<ExpiryReminderDue> lockDue(Instant now, int limit) {
		return this.jdbc
			.sql("select referral_id, organization_id, lead_time from expiry_reminder "
					+ "where sent_at is null and due_at <= ? order by due_at limit ? for update skip locked")
			.params(SqlValues.timestamp(now), limit)
			.query((rs, row) -> new ExpiryReminderDue(new ReferralId(rs.getObject("referral_id", UUID.class)),
					new OrganizationId(rs.getObject("organization_id", UUID.class)),
					Duration.parse(rs.getString("lead_time"))))
			.list();
	}

	void markSent(ExpiryReminderDue reminder, Instant now) {
		this.jdbc.sql("update expiry_reminder set sent_at = ? where referral_id = ? and lead_time = ?")
			.params(SqlValues.timestamp(now), reminder.referralId().value(), reminder.leadTime().toString())
			.update();
	}

}
