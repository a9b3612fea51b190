package org.leadrelay.notification.web;

import org.leadrelay.identity.Viewer;
import org.leadrelay.notification.Notifications;

import org.springframework.stereotype.Component;

/**
 * The unread count the bell in every page's header shows, for templates
 * ({@code ${@notificationBell.unread}}).
 */
@Component("notificationBell")
public class NotificationBell {

	private final Viewer viewer;

	private final Notifications notifications;

	NotificationBell(Viewer viewer, Notifications notifications) {
		this.viewer = viewer;
		this.notifications = notifications;
	}

	public long getUnread() {
		return this.viewer.current().map(this.notifications::unreadCount).orElse(0L);
	}

}
