package dev.suppression.diagnosis;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The domain's mail route as the diagnosis read it: what DNS says now, or, when DNS did not answer, "MX
 * unknown: why" beside the last route seen.
 *
 * @param summary   the route in one line ("MX 10 mx1.example.net", "MX unknown: no answer within 2s ...")
 * @param checkedAt the last lookup that saw this route
 * @param seenSince the first lookup that saw this route
 */
public record MxReading(MxStatus status, @Nullable RouteKind kind, List<MxHost> records, String summary,
                        @Nullable Instant checkedAt, @Nullable Instant seenSince, @Nullable String unknownReason) {
}
