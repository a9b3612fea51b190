package org.leadrelay.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.leadrelay.platform.MailSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends mails over SMTP when {@code spring.mail.host} is configured. Without it there is
 * no mail sender and mails are only kept in the sent-mail log, so that a trial run loses
 * none and sends none.
 */
@Component
class Mailer {

	private static final Logger log = LoggerFactory.getLogger(Mailer.class);

	private final @Nullable JavaMailSender smtp;

	private final String from;

	Mailer(ObjectProvider<JavaMailSender> smtp, MailSender sender) {
		this.smtp = smtp.getIfAvailable();
		this.from = sender.from();
		if (this.smtp == null) {
			log.info("No SMTP server configured (spring.mail.host): mails are kept for the sent-mail view, not sent");
		}
	}

	/** Whether mails are only kept, not sent. */
	boolean keepsOnly() {
		return this.smtp == null;
	}

	/**
	 * Sends a mail as text and HTML alternatives; does nothing when mails are kept only.
	 */
	void send(String to, ComposedMail mail) {
		if (this.smtp == null) {
			return;
		}
		MimeMessage message = this.smtp.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(this.from);
			helper.setTo(to);
			helper.setSubject(mail.subject());
			helper.setText(mail.text(), mail.html());
		}
		catch (MessagingException ex) {
			throw new MailPreparationException("Could not prepare a mail to " + to, ex);
		}
		this.smtp.send(message);
	}

}
