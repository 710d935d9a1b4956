package dev.suppression;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The dev-time runner behind {@code ./mvnw spring-boot:test-run}: the real service on port 8080, on an
 * embedded PostgreSQL 17 whose data is kept in {@code target/dev-postgres} between runs, with a fixed admin key
 * every provider webhook switched on with fixed local secrets, and DNS asked of {@link DevDnsZone}, so the
 * README's examples can be pasted as they are. It lives under {@code src/test} so the production jar carries none of it.
 */
public class DevSuppressionService {

    /** Local development only: printed at startup and used by the README's curl walk-through. */
    public static final String DEV_ADMIN_KEY = "sk_test_dev_admin_0000000000000000000000000000";

    /**
     * The webhook secrets of the dev runner, for local use only; {@code dev/webhook} signs with them. SendGrid
     * verifies with a public key: its private half is {@code dev/sendgrid-dev-private-key.pem}.
     */
    public static final String DEV_SENDGRID_PUBLIC_KEY = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEeXdwJEm7hp+ClmNTxqU4JICq1wteLR/dkW+F1guWlvi9VuJziazUxIGTM/C4FzdyUWF0ZyTaU4bkB2R4kVglzw==";
    public static final String DEV_MAILGUN_SIGNING_KEY = "dev-mailgun-signing-key-local-only";
    public static final String DEV_POSTMARK_USERNAME = "dev-postmark";
    public static final String DEV_POSTMARK_PASSWORD = "dev-postmark-secret";
    public static final String DEV_SPARKPOST_USERNAME = "dev-sparkpost";
    public static final String DEV_SPARKPOST_PASSWORD = "dev-sparkpost-secret";
    public static final String DEV_RESEND_SIGNING_SECRET = "whsec_KonVeCt3sHHLhRmL5Dx7ipFx04boE6YW";
    public static final String DEV_SES_TOPIC_ARN = "arn:aws:sns:us-east-1:000000000000:dev-ses-bounces";

    private static final Logger log = LoggerFactory.getLogger(DevSuppressionService.class);

    public static void main(String[] args) {
        SpringApplication.from(SuppressionServiceApplication::main).with(DevDatabase.class).run(withDevSettings(args));
    }

    /** The settings the dev runner adds to the service's own, as {@code name -> value}. */
    public static Map<String, String> devSettings() {
        var settings = new LinkedHashMap<String, String>();
        settings.put("suppression.security.bootstrap-admin-key", DEV_ADMIN_KEY);
        settings.put("suppression.providers.sendgrid.verification-key", DEV_SENDGRID_PUBLIC_KEY);
        settings.put("suppression.providers.mailgun.signing-key", DEV_MAILGUN_SIGNING_KEY);
        settings.put("suppression.providers.postmark.username", DEV_POSTMARK_USERNAME);
        settings.put("suppression.providers.postmark.password", DEV_POSTMARK_PASSWORD);
        settings.put("suppression.providers.sparkpost.username", DEV_SPARKPOST_USERNAME);
        settings.put("suppression.providers.sparkpost.password", DEV_SPARKPOST_PASSWORD);
        settings.put("suppression.providers.resend.signing-secret", DEV_RESEND_SIGNING_SECRET);
        settings.put("suppression.providers.ses.topic-arns", DEV_SES_TOPIC_ARN);
        settings.put("suppression.dns.servers", DevDnsZone.address());
        return settings;
    }

    /** The dev settings as command-line arguments, before the caller's own so that those win. */
    public static String[] withDevSettings(String... args) {
        var all = new ArrayList<String>();
        devSettings().forEach((name, value) -> all.add("--" + name + "=" + value));
        all.addAll(Arrays.asList(args));
        return all.toArray(String[]::new);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class DevDatabase {

        /** Closed by the context after the web server and the pool have drained, not by a racing JVM hook. */
        @Bean(destroyMethod = "close")
        EmbeddedPostgres devPostgres() {
            return EmbeddedPostgres17.persistentIn(new File("target/dev-postgres"));
        }

        @Bean
        JdbcConnectionDetails devPostgresConnection(EmbeddedPostgres devPostgres) {
            return EmbeddedPostgres17.connectionTo(devPostgres);
        }

        @Bean
        ApplicationRunner printDevKey() {
            return args -> log.info("""

                    Dev service ready on http://localhost:8080 (embedded PostgreSQL 17, data in target/dev-postgres).
                    Dev admin key (local use only):
                        export KEY={}
                        curl -sS -i -H "Authorization: Bearer $KEY" http://localhost:8080/suppressions/someone@example.com
                    Every provider webhook is on, with local secrets only (dev/webhook signs with them):
                        SendGrid  verification key {} (private half: dev/sendgrid-dev-private-key.pem)
                        Mailgun   signing key {}
                        Postmark  basic auth {}:{}
                        SparkPost basic auth {}:{}
                        Resend    signing secret {}
                        SES       topic {} (SNS signs with AWS's certificates: it cannot be tried locally)
                    DNS: {} answers the README's .example domains and asks your resolvers for the rest
                    Ops console: http://localhost:8080/console (sign in with your name and the key above)
                    """, DEV_ADMIN_KEY, DEV_SENDGRID_PUBLIC_KEY, DEV_MAILGUN_SIGNING_KEY, DEV_POSTMARK_USERNAME,
                    DEV_POSTMARK_PASSWORD, DEV_SPARKPOST_USERNAME, DEV_SPARKPOST_PASSWORD, DEV_RESEND_SIGNING_SECRET,
                    DEV_SES_TOPIC_ARN, DevDnsZone.address());
        }
    }
}
