package org.leadrelay.webhook.web;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.leadrelay.webhook.WebhookEvent;

/** An endpoint to register, as the form posts it. */
record WebhookForm(@NotBlank @Size(max = 2000) @Nullable String url, @NotEmpty @Nullable List<String> events) {

	/** The form as it first shows: every event chosen. */
	static WebhookForm empty() {
		return new WebhookForm(null, WebhookEvent.referralEvents().stream().map(WebhookEvent::eventName).toList());
	}

}
