package dev.suppression.providersync;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** What one call to a provider's API came to, for the action it served. */
sealed interface Outcome {

    /** Done at the provider (a delete of what it does not hold counts as done). */
    record Done() implements Outcome { }

    /** Accepted by an eventually consistent list: read it back after {@code after} before calling it done. */
    record Confirm(Duration after) implements Outcome { }

    /**
     * Not done, worth trying again: at {@code notBefore} when the provider said when (429 with its headers), else
     * after the backoff.
     */
    record Retry(@Nullable Instant notBefore, String why) implements Outcome {
        boolean rateLimited() {
            return notBefore != null;
        }
    }

    /**
     * Read back after an accepted removal, the address is still listed: the provider may just be slow, so it is
     * read again after the backoff (not removed again, which on Postmark restarts the wait).
     */
    record StillListed(String why) implements Outcome { }

    /** Refused for good (a wrong key, a request the API rejects): retrying would not help. */
    record Failed(String why) implements Outcome { }

    /** The provider keeps the address whatever we ask (SparkPost's Compliance entries, Postmark's spam complaints). */
    record CannotRemove(String why) implements Outcome { }

    static Outcome done() {
        return new Done();
    }
}
