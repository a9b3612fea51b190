package org.leadrelay.marketplace.web;

import jakarta.servlet.http.HttpServletResponse;
import org.leadrelay.marketplace.Inquiries;
import org.leadrelay.marketplace.InquiryStatus;
import org.leadrelay.shared.DomainException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The private page a customer's confirmation mail links to: how far the inquiry got
 * (received, in progress, closed) and nothing internal. Not cached and not for search
 * engines, since its address is the key to it.
 */
@Controller
class InquiryStatusController {

	private final Inquiries inquiries;

	InquiryStatusController(Inquiries inquiries) {
		this.inquiries = inquiries;
	}

	@GetMapping("/marketplace/inquiries/{token}")
	String status(@PathVariable String token, Model model, HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("X-Robots-Tag", "noindex, nofollow");
		InquiryStatus status = this.inquiries.status(token)
			.orElseThrow(() -> DomainException.notFound("No inquiry behind this link"));
		model.addAttribute("status", status);
		model.addAttribute("stages", InquiryStatus.Stage.values());
		return "marketplace/status";
	}

}
