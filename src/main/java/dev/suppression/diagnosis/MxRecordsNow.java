package dev.suppression.diagnosis;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What is stored of a domain's route: the last route seen and since when, the last successful lookup, and the
 * last failed one (which never erases what was seen before).
 */
record MxRecordsNow(@Nullable SeenRoute route, @Nullable Instant seenSince, @Nullable Instant checkedAt,
                    @Nullable Instant failedAt, @Nullable String failure) {
}
