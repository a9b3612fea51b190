package org.leadrelay.identity.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.leadrelay.identity.UserAccounts;
import org.leadrelay.identity.UserSettings;
import org.leadrelay.platform.web.Languages;
import org.leadrelay.platform.web.PersonalLanguage;
import org.leadrelay.platform.web.TimeZones;
import org.leadrelay.shared.Caller;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My settings": the language LeadRelay speaks to the user, on its pages and in its
 * mails, and the time zone it shows times in.
 */
@Controller
class SettingsController {

	private final UserAccounts users;

	private final Clock clock;

	SettingsController(UserAccounts users, Clock clock) {
		this.users = users;
		this.clock = clock;
	}

	/**
	 * @param zone the request's zone: the user's, or the default while they have none
	 */
	@GetMapping("/settings")
	String settings(Caller caller, ZoneId zone, Model model) {
		UserSettings settings = this.users.settingsOf(userOf(caller));
		model.addAttribute("form",
				new SettingsForm(Languages.supportedOrEnglish(settings.language()).getLanguage(), zone.getId()));
		return page(model);
	}

	@PostMapping("/settings")
	String save(Caller caller, @Valid @ModelAttribute("form") SettingsForm form, BindingResult binding,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Locale language = form.language() == null ? null : Languages.supported(form.language());
		ZoneId zone = TimeZones.offered(form.timeZone());
		if (!binding.hasFieldErrors("language") && language == null) {
			binding.rejectValue("language", "settings.language.invalid");
		}
		if (!binding.hasFieldErrors("timeZone") && zone == null) {
			binding.rejectValue("timeZone", "settings.timeZone.invalid");
		}
		if (binding.hasErrors() || language == null || zone == null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(model);
		}
		this.users.changeSettings(userOf(caller), language, zone);
		PersonalLanguage.forgetSessionChoice(request);
		redirect.addFlashAttribute("saved", true);
		return "redirect:/settings";
	}

	private String page(Model model) {
		model.addAttribute("languages", Languages.SUPPORTED);
		model.addAttribute("zones", TimeZones.options(this.clock.instant()));
		return "identity/settings";
	}

	private static UUID userOf(Caller caller) {
		return caller.userId().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
