package dev.suppression.diagnosis;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A route seen that differed from the one before (or the first route seen). It changed at some time between
 * {@code previousCheckedAt} (the last lookup that still saw the old one) and {@code seenAt}.
 */
public record MxChange(Instant seenAt, SeenRoute route, @Nullable SeenRoute previous,
                       @Nullable Instant previousCheckedAt) {

    /** Whether this is a change, not the first route ever seen. */
    boolean isChange() {
        return previous != null;
    }
}
