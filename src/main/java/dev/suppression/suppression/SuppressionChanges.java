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
