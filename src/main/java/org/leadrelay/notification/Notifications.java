package org.leadrelay.notification;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.leadrelay.platform.SqlValues;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.Ids;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed-in user's in-app notifications: the unread count for the bell, the list, and
 * marking them read. API clients have none.
 */
@Service
public class Notifications {

	private final JdbcClient jdbc;

	private final Clock clock;

	Notifications(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public long unreadCount(Caller caller) {
		Optional<UUID> user = user(caller);
		if (user.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("select count(*) from notification where user_id = ? and read_at is null")
			.param(user.get())
			.query(Long.class)
			.single();
	}

	/** The caller's newest notifications first, read or not. */
	public List<InAppNotification> latest(Caller caller, int limit) {
		Optional<UUID> user = user(caller);
		if (user.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("select id, kind, referral_id, title, created_at, read_at is not null as read from notification "
					+ "where user_id = ? order by created_at desc, id desc limit ?")
			.params(user.get(), limit)
			.query((rs, row) -> new InAppNotification(rs.getObject("id", UUID.class),
					NotificationKind.valueOf(rs.getString("kind")),
					new ReferralId(rs.getObject("referral_id", UUID.class)), rs.getString("title"),
					SqlValues.instant(rs, "created_at"), rs.getBoolean("read")))
			.list();
	}

	/** Marks one of the caller's notifications read; another user's is not found. */
	@Transactional
	public void markRead(Caller caller, UUID notificationId) {
		DomainException notFound = DomainException.notFound("Notification " + notificationId + " not found");
		UUID user = user(caller).orElseThrow(() -> notFound);
		int found = this.jdbc.sql("update notification set read_at = coalesce(read_at, ?) where id = ? and user_id = ?")
			.params(SqlValues.timestamp(this.clock.instant()), notificationId, user)
			.update();
		if (found == 0) {
			throw notFound;
		}
	}

	/**
	 * Marks all the caller's notifications read.
	 * @return how many were unread
	 */
	@Transactional
	public int markAllRead(Caller caller) {
		Optional<UUID> user = user(caller);
		if (user.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("update notification set read_at = ? where user_id = ? and read_at is null")
			.params(SqlValues.timestamp(this.clock.instant()), user.get())
			.update();
	}

	/** Adds a notification unless the user already has one for the event. */
	void add(UUID userId, Notice notice, String title) {
		this.jdbc
			.sql("insert into notification (id, user_id, event_id, kind, referral_id, title, created_at) "
					+ "values (?, ?, ?, ?, ?, ?, ?) on conflict (user_id, event_id) do nothing")
			.params(Ids.newId(this.clock), userId, notice.eventId(), notice.kind().name(),
					notice.referral().id().value(), title, SqlValues.timestamp(this.clock.instant()))
			.update();
	}

	private static Optional<UUID> user(Caller caller) {
		return caller.userId();
	}

}
