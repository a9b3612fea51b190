package org.leadrelay.notification.web;

import org.leadrelay.notification.SentMails;
import org.leadrelay.shared.Caller;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The vendor admins' view of the mails about their program's referrals: those sent over
 * SMTP and, without a mail server, those kept instead, each readable as plain text.
 */
@Controller
class SentMailController {

	private final SentMails sentMails;

	SentMailController(SentMails sentMails) {
		this.sentMails = sentMails;
	}

	@GetMapping("/sent-mail")
	String list(Caller caller, @RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("mails", this.sentMails.latest(caller, ListPages.of(page)));
		model.addAttribute("retentionDays", this.sentMails.retention().toDays());
		return "notifications/sent-mail";
	}

}
