package org.leadrelay.notification;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.leadrelay.notification.NotificationRepository.StoredNotification;
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

	private final NoticeTexts texts;

	private final Clock clock;

	Notifications(NotificationRepository notifications, NoticeTexts texts, Clock clock) {
		this.notifications = notifications;
		this.texts = texts;
		this.clock = clock;
	}

	public long unreadCount(Caller caller) {
		Optional<UUID> user = user(caller);
		if (user.isEmpty()) {
			return 0;
		}
		return this.notifications.countUnread(user.get());
	}

	/**
	 * A page of the caller's notifications, newest first, read or not, with their titles
	 * in the reader's language.
	 */
	public Page<InAppNotification> latest(Caller caller, Pageable pageable, Locale reader) {
		Optional<UUID> user = user(caller);
		if (user.isEmpty()) {
			return Page.empty(pageable);
		}
		List<InAppNotification> page = this.notifications
			.findLatest(user.get(), pageable.getPageSize(), pageable.getOffset())
			.stream()
			.map(stored -> new InAppNotification(stored.id(), stored.kind(), stored.referralId(), title(stored, reader),
					stored.createdAt(), stored.read()))
			.toList();
		return PageableExecutionUtils.getPage(page, pageable, () -> this.notifications.count(user.get()));
	}

	/**
	 * Marks one of the caller's notifications read; another user's is not found.
	 * @return the page of the lead or deal it is about
	 */
	@Transactional
	public String markRead(Caller caller, UUID notificationId) {
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
	void add(UUID userId, Notice notice, NoticeArguments arguments, String title) {
		this.notifications.add(Ids.newId(this.clock), userId, notice, arguments, title, this.clock.instant());
	}

	/** Written now in the reader's language; the stored title for rows from before. */
	private String title(StoredNotification stored, Locale reader) {
		if (stored.audience() == null || stored.arguments() == null) {
			return stored.title();
		}
		return this.texts.subject(stored.audience(), stored.kind(), stored.arguments(), reader);
	}

	private static Optional<UUID> user(Caller caller) {
		return caller.userId();
	}

}
