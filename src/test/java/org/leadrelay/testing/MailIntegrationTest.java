package org.leadrelay.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * An {@link IntegrationTest} with an SMTP server configured (GreenMail, as a
 * {@code GreenMail} bean). The plain {@code IntegrationTest} context has none, as a trial
 * run has none: mails are kept, not sent. The classes with this annotation share their
 * own context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@Import(SmtpServerConfiguration.class)
// the host is static so that Spring Boot's mail auto-configuration sees it; the port
// comes from the running server (SmtpServerConfiguration)
@TestPropertySource(properties = "spring.mail.host=127.0.0.1")
public @interface MailIntegrationTest {

}
