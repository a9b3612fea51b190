package org.leadrelay.notification;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.leadrelay.referral.ReferralId;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;
import org.leadrelay.shared.Ids;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed-in user's in-app notifications: the unread count for the bell, the list, and
 * marking them read. API clients have none.
 */
@Service
public class Notifications {

	private final NotificationRepository notifications;

	private final Clock clock;

	Notifications(NotificationRepository notifications, Clock clock) {
		this.notifications = notifications;
		this.clock = clock;
	}

	public long unreadCount(Caller caller) {
		Optional<UUID> user = user(caller);
		if (user.isEmpty()) {
			return 0;
		}
		return this.notifications.countUnread(user.get());
	}

	/** A page of the caller's notifications, newest first, read or not. */
	public Page<InAppNotification> latest(Caller caller, Pageable pageable) {
		Optional<UUID> user = user(caller);
		if (user.isEmpty()) {
			return Page.empty(pageable);
		}
		List<InAppNotification> page = this.notifications.findLatest(user.get(), pageable.getPageSize(),
				pageable.getOffset());
		return PageableExecutionUtils.getPage(page, pageable, () -> this.notifications.count(user.get()));
	}

	/**
	 * Marks one of the caller's notifications read; another user's is not found.
	 * @return the referral it is about
	 */
	@Transactional
	public ReferralId markRead(Caller caller, UUID notificationId) {
		DomainException notFound = DomainException.notFound("Notification " + notificationId + " not found");
		UUID user = user(caller).orElseThrow(() -> notFound);
		return this.notifications.markRead(user, notificationId, this.clock.instant()).orElseThrow(() -> notFound);
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
		return this.notifications.markAllRead(user.get(), this.clock.instant());
	}

	/** Adds a notification unless the user already has one for the event. */
	void add(UUID userId, Notice notice, String title) {
		this.notifications.add(Ids.newId(this.clock), userId, notice, title, this.clock.instant());
	}

	private static Optional<UUID> user(Caller caller) {
		return caller.userId();
	}

}
