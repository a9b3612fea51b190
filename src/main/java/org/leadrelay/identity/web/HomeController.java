package org.leadrelay.identity.web;

import org.leadrelay.shared.Caller;
import org.leadrelay.shared.Role;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Sends a signed-in user to the first workspace their roles open. */
@Controller
class HomeController {

	@GetMapping("/")
	String home(Caller caller) {
		if (caller.isVendor() || caller.hasRole(Role.REFERRALS_ADMIN) || caller.hasRole(Role.REFERRALS_USER)) {
			return "redirect:/leads";
		}
		if (caller.hasRole(Role.BUSINESS_PROFILE_ADMIN)) {
			return "redirect:/profile";
		}
		return "identity/home";
	}

}
