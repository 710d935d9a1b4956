package dev.suppression.web;

import org.jspecify.annotations.Nullable;

/** Who made an ops change, from the optional {@code X-Actor} header; {@code anonymous} when absent. */
public final class Actor {

    public static final String HEADER = "X-Actor";
    private static final int MAX_LENGTH = 200;

    private Actor() {
    }

    public static String from(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return "anonymous";
        }
        var cleaned = header.strip().replaceAll("\\p{Cntrl}", "");
        return cleaned.length() <= MAX_LENGTH ? cleaned : cleaned.substring(0, MAX_LENGTH);
    }
}
