package dev.suppression.bounce;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Events that could not be accepted, kept with their raw JSON and the reason so nothing is silently lost. */
@Repository
public class RejectedEvents {

    private final JdbcClient jdbc;

    RejectedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(String raw, String reason, @Nullable String source) {
        jdbc.sql("insert into rejected_event (raw, reason, source) values (:raw, :reason, :source)")
                .param("raw", TextForStorage.of(raw)).param("reason", TextForStorage.of(reason))
                .param("source", source == null ? null : TextForStorage.of(source))
                .update();
    }

    /** Newest first, a keyset page at a time ({@code before} is the last id of the previous page). */
    public List<RejectedEvent> page(@Nullable Long before, int limit) {
        return jdbc.sql("""
                select id, received_at, source, reason, raw from rejected_event
                where (cast(:before as bigint) is null or id < :before) order by id desc limit :limit
                """)
                .param("before", before).param("limit", limit)
                .query((rs, n) -> new RejectedEvent(rs.getLong("id"), rs.getTimestamp("received_at").toInstant(),
                        rs.getString("source"), rs.getString("reason"), rs.getString("raw")))
                .list();
    }

    public record RejectedEvent(long id, Instant receivedAt, @Nullable String source, String reason, String raw) { }
}
