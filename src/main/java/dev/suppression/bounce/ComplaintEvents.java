package dev.suppression.bounce;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every spam complaint the service accepted, as evidence. An event id is stored once. */
@Repository
public class ComplaintEvents {

    private final JdbcClient jdbc;

    ComplaintEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> insert(ComplaintReport report, String raw) {
        return jdbc.sql("""
                insert into complaint_event (event_id, recipient, recipient_domain, occurred_at, source, message_id,
                    feedback_type, raw)
                values (:eventId, :recipient, :domain, :occurredAt, :source, :messageId, :feedbackType, :raw)
                on conflict (event_id) do nothing
                returning id
                """)
                .param("eventId", report.eventId())
                .param("recipient", report.recipient().value())
                .param("domain", report.recipient().domain().value())
                .param("occurredAt", Timestamp.from(report.occurredAt()))
                .param("source", report.source())
                .param("messageId", report.messageId())
                .param("feedbackType", report.feedbackType())
                .param("raw", BounceEvents.evidence(raw))
                .query(Long.class).optional();
    }

    public List<StoredComplaint> forRecipient(String address) {
        return jdbc.sql("""
                select id, event_id, occurred_at, received_at, source, message_id, feedback_type, raw
                from complaint_event where recipient = :address order by id
                """)
                .param("address", address)
                .query((rs, n) -> new StoredComplaint(rs.getLong("id"), rs.getString("event_id"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("received_at").toInstant(),
                        rs.getString("source"), rs.getString("message_id"), rs.getString("feedback_type"),
                        rs.getString("raw")))
                .list();
    }

    public record StoredComplaint(long sequence, @Nullable String eventId, Instant occurredAt, Instant receivedAt,
                                  @Nullable String source, @Nullable String messageId, @Nullable String feedbackType,
                                  @Nullable String raw) { }
}
