package org.leadrelay.notification.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.leadrelay.notification.NewLeadMails;
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
 * they always get them all), and new leads each at once or in a daily digest.
 */
@Controller
class NotificationSettingsController {

	/** The choice that leaves new-lead mails to the default rule. */
	private static final String DEFAULT = "DEFAULT";

	private final NotificationPreferences preferences;

	NotificationSettingsController(NotificationPreferences preferences) {
		this.preferences = preferences;
	}

	@GetMapping("/notifications/settings")
	String settings(Caller caller, Model model) {
		model.addAttribute("settings", this.preferences.emailSettings(caller));
		model.addAttribute("newLeadMails",
				this.preferences.newLeadMails(caller).map(NewLeadMails::name).orElse(DEFAULT));
		return settingsPage(model);
	}

	private String settingsPage(Model model) {
		model.addAttribute("newLeadMailChoices",
				List.of(DEFAULT, NewLeadMails.EACH.name(), NewLeadMails.DIGEST.name()));
		model.addAttribute("digestAbove", NotificationPreferences.DIGEST_ABOVE);
		return "notifications/settings";
	}

	/**
	 * Saves the checked kinds as emailed and every other as not: an unchecked box sends
	 * nothing. Names that are not notification kinds are ignored; a choice of new-lead
	 * mails that is none of the offered ones saves nothing and says so; none at all keeps
	 * the one saved.
	 */
	@PostMapping("/notifications/settings")
	String save(Caller caller, @RequestParam(name = "email", required = false) @Nullable List<String> email,
			@RequestParam(name = "newLeadMails", required = false) @Nullable String newLeadMails, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (newLeadMails != null && !DEFAULT.equals(newLeadMails) && !NewLeadMails.EACH.name().equals(newLeadMails)
				&& !NewLeadMails.DIGEST.name().equals(newLeadMails)) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("settings", this.preferences.emailSettings(caller));
			model.addAttribute("newLeadMails", DEFAULT);
			model.addAttribute("newLeadMailsInvalid", true);
			return settingsPage(model);
		}
		Set<NotificationKind> emailed = EnumSet.noneOf(NotificationKind.class);
		for (NotificationKind kind : NotificationKind.values()) {
			if (email != null && email.contains(kind.name())) {
				emailed.add(kind);
			}
		}
		this.preferences.saveEmailSettings(caller, emailed);
		if (newLeadMails != null) {
			this.preferences.chooseNewLeadMails(caller,
					DEFAULT.equals(newLeadMails) ? null : NewLeadMails.valueOf(newLeadMails));
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/notifications/settings";
	}

}
