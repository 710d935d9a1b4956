package dev.suppression.bouncerate;

import java.util.Arrays;
import java.util.Optional;

/** What the rates are grouped by. */
public enum RateDimension {
    STREAM("stream", "stream"),
    LIST_SOURCE("listSource", "list_source"),
    RECIPIENT_DOMAIN("recipientDomain", "recipient_domain");

    private final String wireName;
    final String column;

    RateDimension(String wireName, String column) {
        this.wireName = wireName;
        this.column = column;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<RateDimension> fromWire(String value) {
        return Arrays.stream(values()).filter(d -> d.wireName.equalsIgnoreCase(value.strip())).findFirst();
    }
}
