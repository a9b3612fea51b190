package org.leadrelay.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who LeadRelay's mails come from ({@code leadrelay.mail.from}), the same for every kind
 * of mail; the SMTP server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param from the sender address, e.g. {@code LeadRelay <leads@example.com>}
 */
@ConfigurationProperties("leadrelay.mail")
public record MailSender(@DefaultValue("LeadRelay <noreply@localhost>") String from) {
}
