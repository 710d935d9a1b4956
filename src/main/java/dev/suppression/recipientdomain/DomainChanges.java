package dev.suppression.recipientdomain;

import java.sql.Timestamp;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The log of pauses and resumes per domain, with reason and actor. */
@Repository
class DomainChanges {

    private final JdbcClient jdbc;

    DomainChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(String domain, String action, @Nullable String reason, String actor, long distinctAddresses,
                Instant at) {
        jdbc.sql("""
                insert into domain_change (domain, action, reason, actor, distinct_addresses, at)
                values (:domain, :action, :reason, :actor, :count, :at)
                """)
                .param("at", Timestamp.from(at))
                .param("domain", domain).param("action", action).param("reason", reason).param("actor", actor)
                .param("count", (int) distinctAddresses)
                .update();
    }
}
