package dev.suppression.bounce;

import org.jspecify.annotations.Nullable;

/** One event of a batch as it arrived: either a valid report, or the raw text and why it was refused. */
public sealed interface Submission {

    record Valid(BounceReport report, String raw) implements Submission { }

    /** {@code eventId} is the event's id when it could be read, so the reporter can match the rejection. */
    record Invalid(String raw, String reason, @Nullable String eventId, @Nullable String source) implements Submission {

        public Invalid(String raw, String reason) {
            this(raw, reason, null, null);
        }
    }
}
