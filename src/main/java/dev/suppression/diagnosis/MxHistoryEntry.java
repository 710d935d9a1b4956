package dev.suppression.diagnosis;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One change of a domain's mail route: it happened between {@code previousCheckedAt} and {@code seenAt}. */
public record MxHistoryEntry(Instant seenAt, @Nullable Instant previousCheckedAt, RouteKind kind, List<String> hosts,
                             @Nullable RouteKind previousKind, List<String> previousHosts, String summary) {

    static MxHistoryEntry of(MxChange change) {
        var previous = change.previous();
        return new MxHistoryEntry(change.seenAt(), change.previousCheckedAt(), change.route().kind(),
                change.route().hosts(), previous == null ? null : previous.kind(),
                previous == null ? List.of() : previous.hosts(),
                previous == null ? "first seen: " + change.route().describe()
                        : previous.describe() + " -> " + change.route().describe());
    }
}
