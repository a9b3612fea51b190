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

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.support.PageableExecutionUtils;
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

	/** A page of the caller's notifications, newest first, read or not. */
	public Page<InAppNotification> latest(Caller caller, Pageable pageable) {
		Optional<UUID> user = user(caller);
		if (user.isEmpty()) {
			return Page.empty(pageable);
		}
		List<InAppNotification> notifications = this.jdbc
			.sql("select id, kind, referral_id, title, created_at, read_at is not null as read from notification "
					+ "where user_id = ? order by created_at desc, id desc limit ? offset ?")
			.params(user.get(), pageable.getPageSize(), pageable.getOffset())
			.query((rs, row) -> new InAppNotification(rs.getObject("id", UUID.class),
					NotificationKind.valueOf(rs.getString("kind")),
					new ReferralId(rs.getObject("referral_id", UUID.class)), rs.getString("title"),
					SqlValues.instant(rs, "created_at"), rs.getBoolean("read")))
			.list();
		return PageableExecutionUtils.getPage(notifications, pageable,
				() -> this.jdbc.sql("select count(*) from notification where user_id = ?")
					.param(user.get())
					.query(Long.class)
					.single());
	}

	/**
	 * Marks one of the caller's notifications read; another user's is not found.
	 * @return the referral it is about
	 */
	@Transactional
	public ReferralId markRead(Caller caller, UUID notificationId) {
		DomainException notFound = DomainException.notFound("Notification " + notificationId + " not found");
		UUID user = user(caller).orElseThrow(() -> notFound);
		return this.jdbc
			.sql("update notification set read_at = coalesce(read_at, ?) where id = ? and user_id = ? "
					+ "returning referral_id")
			.params(SqlValues.timestamp(this.clock.instant()), notificationId, user)
			.query(UUID.class)
			.optional()
			.map(ReferralId::new)
			.orElseThrow(() -> notFound);
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
