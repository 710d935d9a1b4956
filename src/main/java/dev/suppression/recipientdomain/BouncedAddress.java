package dev.suppression.recipientdomain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One address in a domain's cluster, with its latest hard bounce. */
public record BouncedAddress(String address, Instant lastBounceAt, @Nullable String lastResponse,
                             @Nullable String rejectingHost) {
}
