package org.leadrelay.identity;

import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.leadrelay.platform.MailSender;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leadrelay.identity.Invitations.Invitation;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a mail server, or when it fails, the invitation says it was not mailed (so the
 * admin is shown the link) and the log names the address but never the link.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvitationMailTests {

	static final Invitation INVITATION = new Invitation("bence@contoso.example", "Bence", "Contoso", "Anna",
			"secret-token-value", Instant.parse("2027-01-08T10:00:00Z"));

	static final String LINK = "http://localhost/set-password?token=secret-token-value";

	@Test
	void withoutAMailServerTheLinkIsNotMailedAndNotLogged(CapturedOutput output) {
		boolean mailed = mail(null).send(INVITATION, LINK, Locale.ENGLISH);

		assertThat(mailed).isFalse();
		assertThat(output).contains("bence@contoso.example")
			.contains("spring.mail.host")
			.doesNotContain("secret-token");
	}

	@Test
	void aFailingMailServerIsReportedWithoutTheLink(CapturedOutput output) {
		JavaMailSender failing = new JavaMailSenderImpl() {
			@Override
			public void send(SimpleMailMessage message) {
				throw new MailSendException("Connection refused: " + message.getText());
			}
		};

		boolean mailed = mail(failing).send(INVITATION, LINK, Locale.ENGLISH);

		assertThat(mailed).isFalse();
		assertThat(output).contains("bence@contoso.example").doesNotContain("secret-token");
	}

	private static InvitationMail mail(JavaMailSender sender) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		if (sender != null) {
			beans.addBean("mailSender", sender);
		}
		StaticMessageSource messages = new StaticMessageSource();
		messages.setUseCodeAsDefaultMessage(true);
		return new InvitationMail(beans.getBeanProvider(JavaMailSender.class), messages,
				new MailSender("LeadRelay <no-reply@leadrelay.invalid>"));
	}

}
