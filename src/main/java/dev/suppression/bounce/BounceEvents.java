package dev.suppression.bounce;

import dev.suppression.classification.Classification;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every bounce the service accepted, as evidence. An event id is stored once. */
@Repository
public class BounceEvents {

    private final JdbcClient jdbc;

    BounceEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a bounce; empty when its event id is already stored. A concurrent insert of the same event id
     * waits for the other transaction and then reports the duplicate, so exactly one copy is accepted.
     */
    private static final int MAX_EVIDENCE = 65_536;

    /** The raw event as evidence, capped so one giant payload cannot bloat the table. */
    static @Nullable String evidence(@Nullable String raw) {
        return raw == null || raw.length() <= MAX_EVIDENCE ? raw : raw.substring(0, MAX_EVIDENCE) + "…[truncated]";
    }

    Optional<Long> insert(BounceReport report, Classification classification, boolean countsTowardCluster,
                          @Nullable String raw) {
        return jdbc.sql("""
                insert into bounce_event (event_id, recipient, recipient_domain, classification, smtp_code,
                    enhanced_code, diagnostic, origin, occurred_at, message_id, reporting_mta, source,
                    counts_toward_cluster, raw)
                values (:eventId, :recipient, :domain, :classification, :smtpCode, :enhancedCode, :diagnostic,
                    :origin, :occurredAt, :messageId, :reportingMta, :source, :counts, :raw)
                on conflict (event_id) do nothing
                returning id
                """)
                .param("eventId", report.eventId())
                .param("recipient", report.recipient().value())
                .param("domain", report.recipient().domain().value())
                .param("classification", classification.name())
                .param("smtpCode", report.smtpCode())
                .param("enhancedCode", report.enhancedCode())
                .param("diagnostic", report.diagnostic())
                .param("origin", report.origin().name())
                .param("occurredAt", Timestamp.from(report.occurredAt()))
                .param("messageId", report.messageId())
                .param("reportingMta", report.reportingMta())
                .param("source", report.source())
                .param("counts", countsTowardCluster)
                .param("raw", evidence(raw))
                .query(Long.class).optional();
    }

    /** The bounces recorded for one address, oldest first. */
    public List<StoredBounce> forRecipient(String address) {
        return jdbc.sql("""
                select id, event_id, classification, smtp_code, enhanced_code, diagnostic, origin, occurred_at,
                       received_at, message_id, reporting_mta, source, raw
                from bounce_event where recipient = :address order by id
                """)
                .param("address", address)
                .query((rs, n) -> new StoredBounce(rs.getLong("id"), rs.getString("event_id"),
                        Classification.valueOf(rs.getString("classification")),
                        (Integer) rs.getObject("smtp_code"), rs.getString("enhanced_code"),
                        rs.getString("diagnostic"), Origin.valueOf(rs.getString("origin")),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("received_at").toInstant(),
                        rs.getString("message_id"), rs.getString("reporting_mta"), rs.getString("source"),
                        rs.getString("raw")))
                .list();
    }

    /** A bounce as stored, for the history. */
    public record StoredBounce(long sequence, @Nullable String eventId, Classification classification,
                               @Nullable Integer smtpCode, @Nullable String enhancedCode, @Nullable String diagnostic,
                               Origin origin, Instant occurredAt, Instant receivedAt, @Nullable String messageId,
                               @Nullable String reportingMta, @Nullable String source, @Nullable String raw) { }
}
