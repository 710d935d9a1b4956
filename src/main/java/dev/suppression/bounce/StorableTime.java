package dev.suppression.bounce;

import java.time.Instant;

/**
 * The times a bounce can carry into storage: the years 0001 to 9999. PostgreSQL has no year 0, and the batched
 * insert binds times as ISO text, which has four-digit years. A reporter's time outside them is a broken clock.
 */
public final class StorableTime {

    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private StorableTime() {
    }

    public static boolean contains(Instant time) {
        return !time.isBefore(EARLIEST) && !time.isAfter(LATEST);
    }
}
