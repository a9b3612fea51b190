package org.leadrelay.identity;

import java.time.ZoneOffset;
import java.util.Locale;

import org.leadrelay.identity.Invitations.Invitation;
import org.leadrelay.platform.MailSender;
import org.leadrelay.platform.web.Formats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Mails an invitation's set-password link, in the inviter's language. Without a mail
 * server ({@code spring.mail.host} unset) or when sending fails, it says so, and the
 * inviting admin is shown the link to pass on instead. The link is never logged.
 */
@Component
public class InvitationMail {

	private static final Logger log = LoggerFactory.getLogger(InvitationMail.class);

	private final ObjectProvider<JavaMailSender> mailSender;

	private final MessageSource messages;

	private final MailSender sender;

	InvitationMail(ObjectProvider<JavaMailSender> mailSender, MessageSource messages, MailSender sender) {
		this.mailSender = mailSender;
		this.messages = messages;
		this.sender = sender;
	}

	/**
	 * @param link the set-password link, with the invitation's token
	 * @return whether the mail was handed to the mail server
	 */
	public boolean send(Invitation invitation, String link, Locale locale) {
		JavaMailSender sender = this.mailSender.getIfAvailable();
		if (sender == null) {
			log.warn("The invitation link for {} could not be mailed: no mail server is configured "
					+ "(spring.mail.host); it is shown to the inviting admin instead", invitation.email());
			return false;
		}
		SimpleMailMessage mail = new SimpleMailMessage();
		mail.setFrom(this.sender.from());
		mail.setTo(invitation.email());
		mail.setSubject(this.messages.getMessage("invitation.mail.subject",
				new Object[] { invitation.organizationName() }, locale));
		mail.setText(this.messages.getMessage("invitation.mail.body",
				new Object[] { invitation.displayName(), invitation.invitedBy(), invitation.organizationName(), link,
						// the invitee has no time zone of their own yet
						Formats.of(locale, ZoneOffset.UTC).dateTimeWithZone(invitation.expiresAt()) },
				locale));
		try {
			sender.send(mail);
			return true;
		}
		catch (MailException ex) {
			log.warn("The invitation for {} could not be mailed ({}); the link is shown to the inviting admin instead",
					invitation.email(), ex.getClass().getSimpleName());
			return false;
		}
	}

}
