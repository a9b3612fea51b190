package org.leadrelay.identity.web;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.leadrelay.identity.SignInLockedException;

import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** LeadRelay's sign-in page; Spring Security checks what it posts. */
@Controller
class SignInController {

	private final Clock clock;

	SignInController(Clock clock) {
		this.clock = clock;
	}

	@GetMapping("/login")
	String signIn(@RequestParam(required = false) String error, HttpServletRequest request, Model model) {
		if (error != null) {
			HttpSession session = request.getSession(false);
			Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
			if (failure instanceof SignInLockedException locked) {
				long seconds = Math.max(1,
						Duration.between(this.clock.instant(), locked.lockedUntil()).plusMillis(999).toSeconds());
				if (seconds < 60) {
					model.addAttribute("waitSeconds", seconds);
				}
				else {
					model.addAttribute("lockedMinutes", (seconds + 59) / 60);
				}
			}
			else {
				model.addAttribute("badCredentials", true);
			}
		}
		return "identity/sign-in";
	}

}
