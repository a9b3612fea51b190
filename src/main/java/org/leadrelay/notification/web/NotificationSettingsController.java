package org.leadrelay.notification.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.leadrelay.notification.NotificationKind;
import org.leadrelay.notification.NotificationPreferences;
import org.leadrelay.shared.Caller;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where users choose which kinds of notification they also want by email (in LeadRelay
 * they always get them all).
 */
@Controller
class NotificationSettingsController {

	private final NotificationPreferences preferences;

	NotificationSettingsController(NotificationPreferences preferences) {
		this.preferences = preferences;
	}

	@GetMapping("/notifications/settings")
	String settings(Caller caller, Model model) {
		model.addAttribute("settings", this.preferences.emailSettings(caller));
		return "notifications/settings";
	}

	/**
	 * Saves the checked kinds as emailed and every other as not: an unchecked box sends
	 * nothing. Names that are not notification kinds are ignored.
	 */
	@PostMapping("/notifications/settings")
	String save(Caller caller, @RequestParam(name = "email", required = false) @Nullable List<String> email,
			RedirectAttributes redirect) {
		Set<NotificationKind> emailed = EnumSet.noneOf(NotificationKind.class);
		for (NotificationKind kind : NotificationKind.values()) {
			if (email != null && email.contains(kind.name())) {
				emailed.add(kind);
			}
		}
		this.preferences.saveEmailSettings(caller, emailed);
		redirect.addFlashAttribute("saved", true);
		return "redirect:/notifications/settings";
	}

}
