package dev.suppression.suppression;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where an address stands with the probation rule, so ops can read before a clear what it will take.
 *
 * @param clearNeedsForce the address hard-bounced again during the probation of its last clear: clearing it
 *                        once more needs force
 * @param lastClearedAt   when ops last cleared it, if ever
 * @param probationUntil  the end of the probation running now, if one is
 * @param probation       how long the probation after a clear lasts
 */
public record ProbationStatus(boolean clearNeedsForce, @Nullable Instant lastClearedAt,
                              @Nullable Instant probationUntil, Duration probation) {
}
