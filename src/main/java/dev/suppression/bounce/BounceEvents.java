package dev.suppression.bounce;

import dev.suppression.classification.BounceReason;
import dev.suppression.classification.Classification;
import dev.suppression.classification.SmtpStage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
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

    private static final int MAX_EVIDENCE = 65_536;

    /** The raw event as evidence, capped so one giant payload cannot bloat the table. */
    static @Nullable String evidence(@Nullable String raw) {
        return raw == null || raw.length() <= MAX_EVIDENCE ? raw : raw.substring(0, MAX_EVIDENCE) + "…[truncated]";
    }

    /** A bounce to store with what ingestion decided about it. */
    record NewBounce(BounceReport report, Classification classification, BounceReason reason,
                     @Nullable String reasonDetail, boolean countsTowardCluster, @Nullable String raw) { }

    /**
     * Stores a batch of bounces in one statement, in the given order; returns, per position, the stored id, or
     * null where the event id was already stored (or repeated earlier in the batch). Ids are drawn first so each
     * row's fate can be told from the ids the insert returns. Callers pass bounces sorted by event id, so
     * concurrent batches wait on each other's unique-index entries in one global order.
     */
    @Nullable Long[] insertAll(List<NewBounce> bounces) {
        var n = bounces.size();
        var result = new Long[n];
        if (n == 0) {
            return result;
        }
        var ids = jdbc.sql("select nextval('history_seq') from generate_series(1, ?)").param(n)
                .query(Long.class).list();
        var idArray = new Long[n];
        var eventIds = new String[n];
        var recipients = new String[n];
        var domains = new String[n];
        var classifications = new String[n];
        var reasons = new String[n];
        var smtpCodes = new Integer[n];
        var enhancedCodes = new String[n];
        var diagnostics = new String[n];
        var origins = new String[n];
        var occurredAt = new String[n];
        var messageIds = new String[n];
        var reportingMtas = new String[n];
        var stages = new String[n];
        var remoteMtas = new String[n];
        var reasonDetails = new String[n];
        var sources = new String[n];
        var counts = new Boolean[n];
        var raws = new String[n];
        for (int i = 0; i < n; i++) {
            var b = bounces.get(i);
            var r = b.report();
            idArray[i] = ids.get(i);
            eventIds[i] = r.eventId();
            recipients[i] = r.recipient().value();
            domains[i] = r.recipient().domain().value();
            classifications[i] = b.classification().name();
            reasons[i] = b.reason().name();
            smtpCodes[i] = r.smtpCode();
            enhancedCodes[i] = r.enhancedCode();
            diagnostics[i] = r.diagnostic();
            origins[i] = r.origin().name();
            occurredAt[i] = r.occurredAt().toString();
            messageIds[i] = r.messageId();
            reportingMtas[i] = r.reportingMta();
            stages[i] = r.stage().name();
            remoteMtas[i] = r.remoteMta();
            reasonDetails[i] = b.reasonDetail();
            sources[i] = r.source();
            counts[i] = b.countsTowardCluster();
            raws[i] = evidence(b.raw());
        }
        var inserted = new java.util.HashSet<>(jdbc.sql("""
                insert into bounce_event (id, event_id, recipient, recipient_domain, classification, reason, smtp_code,
                    enhanced_code, diagnostic, origin, occurred_at, message_id, reporting_mta, source,
                    counts_toward_cluster, raw, stage, remote_mta, reason_detail)
                select id, event_id, recipient, domain, classification, reason, smtp_code, enhanced_code, diagnostic,
                    origin, occurred_at::timestamptz, message_id, reporting_mta, source, counts, raw, stage,
                    remote_mta, reason_detail
                from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[],
                    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::text[],
                    ?::text[], ?::text[], ?::text[])
                    with ordinality as x(id, event_id, recipient, domain, classification, reason, smtp_code,
                        enhanced_code, diagnostic, origin, occurred_at, message_id, reporting_mta, source, counts, raw,
                        stage, remote_mta, reason_detail, position)
                order by position
                on conflict (event_id) do nothing
                returning id
                """)
                .params(idArray, eventIds, recipients, domains, classifications, reasons, smtpCodes, enhancedCodes,
                        diagnostics,
                        origins, occurredAt, messageIds, reportingMtas, sources, counts, raws, stages, remoteMtas,
                        reasonDetails)
                .query(Long.class).list());
        for (int i = 0; i < n; i++) {
            result[i] = inserted.contains(idArray[i]) ? idArray[i] : null;
        }
        return result;
    }

    /** The bounces recorded for one address, oldest first. */
    public List<StoredBounce> forRecipient(String address) {
        return jdbc.sql("""
                select id, event_id, classification, reason, smtp_code, enhanced_code, diagnostic, origin, occurred_at,
                       received_at, message_id, reporting_mta, source, raw, stage, remote_mta, reason_detail
                from bounce_event where recipient = :address order by id
                """)
                .param("address", address)
                .query((rs, n) -> new StoredBounce(rs.getLong("id"), rs.getString("event_id"),
                        Classification.valueOf(rs.getString("classification")), reason(rs.getString("reason")),
                        (Integer) rs.getObject("smtp_code"), rs.getString("enhanced_code"),
                        rs.getString("diagnostic"), Origin.valueOf(rs.getString("origin")),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("received_at").toInstant(),
                        rs.getString("message_id"), stage(rs.getString("stage")), rs.getString("remote_mta"),
                        rs.getString("reporting_mta"), rs.getString("source"), rs.getString("reason_detail"),
                        rs.getString("raw")))
                .list();
    }

    private static @Nullable BounceReason reason(@Nullable String stored) {
        return stored == null ? null : BounceReason.valueOf(stored);
    }

    private static @Nullable SmtpStage stage(@Nullable String stored) {
        return stored == null ? null : SmtpStage.valueOf(stored);
    }

    /**
     * A bounce as stored, for the history; {@code reason} is null for bounces stored before reasons existed,
     * {@code stage} for those stored before stages were.
     */
    public record StoredBounce(long sequence, @Nullable String eventId, Classification classification,
                               @Nullable BounceReason reason,
                               @Nullable Integer smtpCode, @Nullable String enhancedCode, @Nullable String diagnostic,
                               Origin origin, Instant occurredAt, Instant receivedAt, @Nullable String messageId,
                               @Nullable SmtpStage stage, @Nullable String remoteMta, @Nullable String reportingMta,
                               @Nullable String source, @Nullable String reasonDetail, @Nullable String raw) { }
}
