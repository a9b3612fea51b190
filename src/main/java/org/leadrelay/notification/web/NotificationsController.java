package org.leadrelay.notification.web;

import java.util.Locale;
import java.util.UUID;

import org.leadrelay.notification.Notifications;
import org.leadrelay.shared.Caller;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A user's notifications: the list, opening one (which marks it read), marking one or all
 * read. Every action is a form that redirects back; htmx posts the same forms and swaps
 * just the list and the bell from the page it is redirected to.
 */
@Controller
class NotificationsController {

	private final Notifications notifications;

	NotificationsController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/notifications")
	String list(Caller caller, @RequestParam(defaultValue = "1") int page, Locale locale, Model model) {
		model.addAttribute("notifications", this.notifications.latest(caller, ListPages.of(page), locale));
		model.addAttribute("unread", this.notifications.unreadCount(caller));
		return "notifications/list";
	}

	/** The bell alone, for htmx to refresh it when the window regains focus. */
	@GetMapping("/notifications/bell")
	String bell() {
		return "notifications/bell :: bell";
	}

	/** Opens the lead or deal a notification is about, marking it read. */
	@PostMapping("/notifications/{id}/open")
	String open(Caller caller, @PathVariable UUID id) {
		return "redirect:" + this.notifications.markRead(caller, id);
	}

	@PostMapping("/notifications/{id}/read")
	String markRead(Caller caller, @PathVariable UUID id, @RequestParam(defaultValue = "1") int page,
			RedirectAttributes redirect) {
		this.notifications.markRead(caller, id);
		redirect.addFlashAttribute("done", "notifications.done.read");
		return backTo(page);
	}

	@PostMapping("/notifications/read-all")
	String markAllRead(Caller caller, @RequestParam(defaultValue = "1") int page, RedirectAttributes redirect) {
		redirect.addFlashAttribute("markedRead", this.notifications.markAllRead(caller));
		return backTo(page);
	}

	private static String backTo(int page) {
		return "redirect:/notifications" + (page > 1 ? "?page=" + page : "");
	}

}
