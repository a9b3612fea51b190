package org.leadrelay.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.leadrelay.referral.CustomerInquiries;
import org.leadrelay.referral.ExpirySweep;
import org.leadrelay.routing.ResponsivenessRefresh;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Boots the whole application on a real embedded PostgreSQL and a random port. Every
 * class with this annotation shares one application context (and database), so tests
 * create their own organizations and never rely on an empty database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({ TestClockConfiguration.class, TestProgram.class, TestUsers.class, EventRecorder.class,
		EventPublications.class, ExpirySweep.class, CustomerInquiries.class, TestProfiles.class,
		ResponsivenessRefresh.class, SimilarLeadsRecount.class })
public @interface IntegrationTest {

}
