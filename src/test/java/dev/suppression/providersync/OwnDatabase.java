package dev.suppression.providersync;

import dev.suppression.TestDatabase;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A database of its own for each test context that connects ESP lists. Spring keeps earlier contexts alive in its
 * test cache, and their senders go on draining the outbox they see: on a shared database they would send this
 * context's actions to their own emulated provider, and this test's provider would never hear of them.
 */
@TestConfiguration(proxyBeanMethods = false)
class OwnDatabase {

    @Bean
    @Primary
    JdbcConnectionDetails ownDatabase() {
        return TestDatabase.freshDatabase("providersync");
    }
}
