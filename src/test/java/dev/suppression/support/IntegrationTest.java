package dev.suppression.support;

import dev.suppression.TestDatabase;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole service through its real HTTP stack (MockMvc) on real PostgreSQL 17, one shared database per
 * run; each test uses its own domains and addresses instead of truncating tables.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
        "suppression.security.bootstrap-admin-key=" + TestKeys.ADMIN,
        "suppression.security.public-metrics=false",
        "suppression.rate-limit.ingest.requests-per-second=0",
        "suppression.rate-limit.ops.requests-per-second=0",
        "suppression.rate-limit.admin.requests-per-second=0",
        "suppression.scheduling.enabled=false",
        "suppression.providers.sendgrid.verification-key=" + TestProviderKeys.SENDGRID_PUBLIC_KEY,
        "suppression.providers.mailgun.signing-key=" + TestProviderKeys.MAILGUN_SIGNING_KEY,
        "suppression.providers.postmark.username=" + TestProviderKeys.POSTMARK_USERNAME,
        "suppression.providers.postmark.password=" + TestProviderKeys.POSTMARK_PASSWORD,
        "suppression.providers.sparkpost.username=" + TestProviderKeys.SPARKPOST_USERNAME,
        "suppression.providers.sparkpost.password=" + TestProviderKeys.SPARKPOST_PASSWORD,
        "suppression.providers.resend.signing-secret=" + TestProviderKeys.RESEND_SIGNING_SECRET,
        "suppression.providers.ses.topic-arns=" + TestProviderKeys.SES_TOPIC_ARN})
@AutoConfigureMockMvc
@Import({TestDatabase.class, TestSecurity.class, TestProviders.class, TestDns.class})
public @interface IntegrationTest {
}
