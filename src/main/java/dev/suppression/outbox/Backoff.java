package dev.suppression.outbox;

import java.time.Duration;

/**
 * The wait after a failed attempt: {@code first}, doubled after each further failure, never more than {@code max}.
 */
public record Backoff(Duration first, Duration max) {

    public Backoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("a backoff needs 0 < first <= max, not " + first + " and " + max);
        }
    }

    /** The wait after the {@code attempts}-th failure. */
    public Duration after(int attempts) {
        var wait = first;
        for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
