package dev.suppression.suppression;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.suppression.classification.Classification;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Why and since when an address is suppressed, with the response that proved it.
 *
 * @param lastBounceId the stored bounce event that last proved it (null for manual and complaint suppressions);
 *                     not part of the HTTP answer, but quoted as the reference in the Postfix policy reply
 */
public record SuppressionDetails(String address, SuppressionReason reason, @Nullable Classification classification,
                                 Instant since, @Nullable String lastResponse, @Nullable String rejectingHost,
                                 @JsonIgnore @Nullable Long lastBounceId) {

    static SuppressionDetails of(Suppression s) {
        return new SuppressionDetails(s.address(), s.reason(), s.classification(), s.since(), s.lastResponse(),
                s.rejectingHost(), s.lastBounceId());
    }
}
