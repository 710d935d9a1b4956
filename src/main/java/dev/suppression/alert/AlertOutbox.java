package dev.suppression.alert;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The alerts to deliver (table alert_outbox): one row per pause or cluster, kept until delivered. */
@Repository
class AlertOutbox {

    private final JdbcClient jdbc;

    AlertOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds an alert in the caller's transaction; a second one with the same key is ignored. */
    boolean add(String dedupKey, AlertKind kind, String domain, String payload, Instant at) {
        return jdbc.sql("""
                insert into alert_outbox (dedup_key, kind, domain, payload, created_at, next_attempt_at)
                values (?, ?, ?, ?, ?, ?) on conflict (dedup_key) do nothing
                """)
                .params(dedupKey, kind.name(), domain, payload, Timestamp.from(at), Timestamp.from(at))
                .update() == 1;
    }

    /**
     * The oldest alert due, locked until the caller's transaction ends; another instance skips it, so two
     * senders never deliver the same alert at once.
     */
    Optional<PendingAlert> lockNextDue(Instant now) {
        return jdbc.sql("""
                select id, dedup_key, domain, payload, attempts from alert_outbox
                where sent_at is null and next_attempt_at <= ?
                order by next_attempt_at, id limit 1 for update skip locked
                """)
                .param(Timestamp.from(now))
                .query((rs, n) -> new PendingAlert(rs.getLong("id"), rs.getString("dedup_key"), rs.getString("domain"),
                        rs.getString("payload"), rs.getInt("attempts")))
                .optional();
    }

    void markSent(long id, Instant at) {
        jdbc.sql("update alert_outbox set sent_at = ?, attempts = attempts + 1, last_error = null where id = ?")
                .params(Timestamp.from(at), id).update();
    }

    void markFailed(long id, Instant nextAttempt, @Nullable String error) {
        jdbc.sql("update alert_outbox set attempts = attempts + 1, next_attempt_at = ?, last_error = ? where id = ?")
                .params(Timestamp.from(nextAttempt), error, id).update();
    }
}
