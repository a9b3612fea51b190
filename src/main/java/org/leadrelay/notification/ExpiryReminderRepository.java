package org.leadrelay.notification;

import java.sql.Timestamp;
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

	/**
	 * Plans the reminders in one insert, but none a referral already has for its lead
	 * time.
	 */
	void planAll(List<PlannedReminder> reminders) {
		if (reminders.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into expiry_reminder (referral_id, organization_id, lead_time, due_at)
				select * from unnest(?::uuid[], ?::uuid[], ?::text[], ?::timestamptz[])
				on conflict do nothing""")
			.params(SqlValues.uuidArray(reminders.stream().map(reminder -> reminder.referralId().value()).toList()),
					SqlValues.uuidArray(reminders.stream().map(reminder -> reminder.organizationId().value()).toList()),
					reminders.stream().map(reminder -> reminder.leadTime().toString()).toArray(String[]::new),
					reminders.stream().map(reminder -> SqlValues.timestamp(reminder.due())).toArray(Timestamp[]::new))
			.update();
	}

	/** A reminder to plan: when the referral is {@code leadTime} from its expiry. */
	record PlannedReminder(ReferralId referralId, OrganizationId organizationId, Duration leadTime, Instant due) {
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
