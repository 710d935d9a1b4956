package dev.suppression;

import java.io.File;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The dev-time runner behind {@code ./mvnw spring-boot:test-run}: the real service on port 8080, on an
 * embedded PostgreSQL 17 whose data is kept in {@code target/dev-postgres} between runs. It lives under
 * {@code src/test} so the production jar carries no embedded database.
 */
public class DevSuppressionService {

    public static void main(String[] args) {
        SpringApplication.from(SuppressionServiceApplication::main).with(DevDatabase.class).run(args);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class DevDatabase {

        @Bean
        JdbcConnectionDetails devPostgres() {
            return EmbeddedPostgres17.persistentIn(new File("target/dev-postgres"));
        }
    }
}
