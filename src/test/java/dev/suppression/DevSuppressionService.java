package dev.suppression;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The dev-time runner behind {@code ./mvnw spring-boot:test-run}: the real service on port 8080, on an
 * embedded PostgreSQL 17 whose data is kept in {@code target/dev-postgres} between runs, with a fixed
 * admin key for local use only. It lives under {@code src/test} so the production jar carries neither.
 */
public class DevSuppressionService {

    /** Local development only: printed at startup and used by the README's curl walk-through. */
    public static final String DEV_ADMIN_KEY = "sk_test_dev_admin_0000000000000000000000000000";

    private static final Logger log = LoggerFactory.getLogger(DevSuppressionService.class);

    public static void main(String[] args) {
        System.setProperty("suppression.security.bootstrap-admin-key", DEV_ADMIN_KEY);
        SpringApplication.from(SuppressionServiceApplication::main).with(DevDatabase.class).run(args);
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
                        curl -H "Authorization: Bearer $KEY" http://localhost:8080/suppressions/someone@example.com
                    Ops console: http://localhost:8080/console (sign in with your name and the key above)
                    """, DEV_ADMIN_KEY);
        }
    }
}
