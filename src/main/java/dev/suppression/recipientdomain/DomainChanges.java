package dev.suppression.recipientdomain;

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

    void record(String domain, String action, @Nullable String reason, String actor, long distinctAddresses) {
        jdbc.sql("""
                insert into domain_change (domain, action, reason, actor, distinct_addresses)
                values (:domain, :action, :reason, :actor, :count)
                """)
                .param("domain", domain).param("action", action).param("reason", reason).param("actor", actor)
                .param("count", (int) distinctAddresses)
                .update();
    }
}
