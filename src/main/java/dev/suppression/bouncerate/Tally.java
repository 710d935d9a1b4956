package dev.suppression.bouncerate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/** Counts to add to one minute of one stream, list source and recipient domain. */
public record Tally(Instant minute, SendLabels labels, @Nullable String recipientDomain, long sent, long delivered,
                    long hardBounces, long complaints) {

    public Tally {
        minute = minute.truncatedTo(ChronoUnit.MINUTES);
    }

    public static Tally sent(Instant at, SendLabels labels, @Nullable String recipientDomain, long count) {
        return new Tally(at, labels, recipientDomain, count, 0, 0, 0);
    }

    public static Tally delivered(Instant at, SendLabels labels, @Nullable String recipientDomain) {
        return new Tally(at, labels, recipientDomain, 0, 1, 0, 0);
    }

    public static Tally hardBounce(Instant at, SendLabels labels, String recipientDomain) {
        return new Tally(at, labels, recipientDomain, 0, 0, 1, 0);
    }

    public static Tally complaint(Instant at, SendLabels labels, String recipientDomain) {
        return new Tally(at, labels, recipientDomain, 0, 0, 0, 1);
    }
}
