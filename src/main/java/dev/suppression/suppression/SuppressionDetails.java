package dev.suppression.suppression;

import dev.suppression.classification.Classification;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Why and since when an address is suppressed, with the response that proved it. */
public record SuppressionDetails(String address, SuppressionReason reason, @Nullable Classification classification,
                                 Instant since, @Nullable String lastResponse, @Nullable String rejectingHost) {

    static SuppressionDetails of(Suppression s) {
        return new SuppressionDetails(s.address(), s.reason(), s.classification(), s.since(), s.lastResponse(),
                s.rejectingHost());
    }
}
