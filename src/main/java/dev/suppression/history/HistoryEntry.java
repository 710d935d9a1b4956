package dev.suppression.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of an address's history: a {@code BOUNCE} (the evidence: full SMTP response, rejecting host,
 * message id, time, source) or a state change ({@code SUPPRESSED}, {@code RESUPPRESSED},
 * {@code MANUAL_SUPPRESSED}, {@code COMPLAINT_SUPPRESSED}, {@code CLEARED}, {@code CLEARED_FORCED}) with its
 * reason and actor, or a {@code COMPLAINT} (a spam report). A bounce's {@code reason} is the classifier's finer
 * reason ({@code USER_UNKNOWN}, {@code BLOCKED} ...), absent for bounces stored before reasons were recorded;
 * {@code reasonDetail} says why the SMTP stage overruled the codes, when it did. A bounce's {@code stage} is the
 * point of the SMTP dialogue the receiver refused at, {@code remoteMta} the host that refused, {@code reportingMta}
 * the host that reported it, and {@code rejectingHost} the first of the two that is known.
 * {@code raw} is the event exactly as the reporter sent it. A {@code PROVIDER_REMOVE} or {@code PROVIDER_ADD} is what
 * a clear or suppression here asked of a connected ESP's own list: its {@code provider} and {@code status}
 * ({@code removed at ...}, {@code pending}, {@code failed: ...}, {@code cannot remove (compliance)}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryEntry(String type, Instant at, @Nullable String classification,
                           @Nullable String reason, @Nullable String reasonDetail, @Nullable String actor,
                           @Nullable String eventId, @Nullable Integer smtpCode, @Nullable String enhancedCode,
                           @Nullable String response, @Nullable String stage, @Nullable String rejectingHost,
                           @Nullable String remoteMta, @Nullable String reportingMta, @Nullable String messageId,
                           @Nullable String source, @Nullable String origin, @Nullable Instant receivedAt,
                           @Nullable String feedbackType, @Nullable String raw, @Nullable String provider,
                           @Nullable String status) {
}
