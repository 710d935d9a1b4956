package dev.suppression.diagnosis;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The bounces one host refused, grouped: the seeds' "find the rejector".
 *
 * @param inMx whether the host is one of the domain's MX hosts as last seen
 */
public record RejectorGroup(@Nullable String host, RejectorRole role, @Nullable String vendor, boolean inMx,
                            int addresses, Instant firstAt, Instant lastAt, List<String> enhancedCodes) {
}
