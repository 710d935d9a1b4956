package dev.suppression.suppression;

import dev.suppression.classification.Classification;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only log of suppress, clear, re-suppress and manual changes per address. */
@Repository
public class SuppressionChanges {

    private final JdbcClient jdbc;

    SuppressionChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(String address, String action, @Nullable String reason, String actor,
                @Nullable Classification classification, @Nullable Long bounceId, Instant at) {
        jdbc.sql("""
                insert into suppression_change (address, action, reason, actor, classification, bounce_id, at)
                values (:address, :action, :reason, :actor, :classification, :bounceId, :at)
                """)
                .param("at", Timestamp.from(at))
                .param("address", address).param("action", action).param("reason", reason).param("actor", actor)
                .param("classification", classification == null ? null : classification.name())
                .param("bounceId", bounceId)
                .update();
    }

    /** One change about to be logged by {@link #recordAll}. */
    record NewChange(String address, String action, @Nullable String reason, String actor,
                     @Nullable Classification classification, @Nullable Long bounceId, Instant at) { }

    /** Logs a batch of changes in one statement; their history sequence follows the list's order. */
    void recordAll(List<NewChange> batch) {
        if (batch.isEmpty()) {
            return;
        }
        int n = batch.size();
        var address = new String[n];
        var action = new String[n];
        var reason = new String[n];
        var actor = new String[n];
        var classification = new String[n];
        var bounceId = new Long[n];
        var at = new String[n];
        for (int i = 0; i < n; i++) {
            var c = batch.get(i);
            address[i] = c.address();
            action[i] = c.action();
            reason[i] = c.reason();
            actor[i] = c.actor();
            classification[i] = c.classification() == null ? null : c.classification().name();
            bounceId[i] = c.bounceId();
            at[i] = c.at().toString();
        }
        jdbc.sql("""
                insert into suppression_change (address, action, reason, actor, classification, bounce_id, at)
                select a, ac, r, w, c, b, t::timestamptz
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[])
                    with ordinality as x(a, ac, r, w, c, b, t, position)
                order by position
                """)
                .params(address, action, reason, actor, classification, bounceId, at)
                .update();
    }

    public List<SuppressionChange> forAddress(String address) {
        return jdbc.sql("""
                select id, address, action, at, reason, actor, classification, bounce_id
                from suppression_change where address = :address order by id
                """)
                .param("address", address)
                .query((rs, n) -> new SuppressionChange(rs.getLong("id"), rs.getString("address"),
                        rs.getString("action"), rs.getTimestamp("at").toInstant(), rs.getString("reason"),
                        rs.getString("actor"), rs.getString("classification"),
                        (Long) rs.getObject("bounce_id")))
                .list();
    }
}
