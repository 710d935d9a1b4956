package dev.suppression.suppression;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One state change of an address on the list, as the history shows it. */
public record SuppressionChange(long sequence, String address, String action, Instant at, @Nullable String reason,
                                String actor, @Nullable String classification, @Nullable Long bounceId) {
}
