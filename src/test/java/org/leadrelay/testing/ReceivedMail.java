package org.leadrelay.testing;

import java.io.IOException;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * A mail as the SMTP server received it, with its plain text and HTML alternatives.
 */
public record ReceivedMail(String to, String subject, String text, String html) {

	public static ReceivedMail of(MimeMessage message) {
		try {
			String[] bodies = { "", "" };
			collect(message, bodies);
			return new ReceivedMail(message.getAllRecipients()[0].toString(), message.getSubject(), bodies[0],
					bodies[1]);
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void collect(Part part, String[] bodies) throws MessagingException, IOException {
		if (part.isMimeType("text/plain")) {
			bodies[0] = (String) part.getContent();
		}
		else if (part.isMimeType("text/html")) {
			bodies[1] = (String) part.getContent();
		}
		else if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				collect(child, bodies);
			}
		}
	}

}
