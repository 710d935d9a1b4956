package dev.suppression.access;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes sure someone can administer the service: the configured bootstrap admin key is stored (once), or,
 * when none is configured and no key exists at all, one is generated and logged once with a warning.
 * An advisory lock keeps two instances starting together from both generating one.
 */
@Component
class BootstrapAdminKey implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdminKey.class);
    private static final long LOCK_ID = 7_342_990_001L;

    private final ApiKeyRegistry registry;
    private final AccessSettings settings;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;

    BootstrapAdminKey(ApiKeyRegistry registry, AccessSettings settings, TransactionTemplate transaction, JdbcClient jdbc) {
        this.registry = registry;
        this.settings = settings;
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:id)").param("id", LOCK_ID).query().singleValue();
            var configured = settings.bootstrapAdminKey();
            if (configured != null && !configured.isBlank()) {
                if (registry.register("bootstrap-admin", Set.of(Role.ADMIN), new ApiKeySecret(configured.strip()))) {
                    log.info("Stored the configured bootstrap admin key {}", new ApiKeySecret(configured.strip()));
                }
                return;
            }
            if (!registry.anyExists()) {
                var created = registry.create("bootstrap-admin", Set.of(Role.ADMIN), null, true);
                log.warn("""
                        No API key existed and SUPPRESSION_BOOTSTRAP_ADMIN_KEY is not set, so an admin key was generated.
                        It is shown this once and stored only as a hash; copy it now, create named keys with it,
                        then revoke it:
                            {}""", created.secret());
            }
        });
    }
}
